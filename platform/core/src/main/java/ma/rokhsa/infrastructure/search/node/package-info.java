/**
 * Search on a running node (ADR 0024): the index under the node's data directory, opened, checked
 * and rebuilt in the background, kept in step with the change log by a scheduled job, and the
 * dossiers read from the database for it.
 */
package ma.rokhsa.infrastructure.search.node;
