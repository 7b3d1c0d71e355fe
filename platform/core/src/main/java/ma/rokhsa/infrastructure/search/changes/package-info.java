/**
 * The search change log (ADR 0020): changes recorded in the dossier's transaction, read by every
 * node after its own cursor, with the gaps that concurrent transactions leave tracked until they
 * fill or time out, and applied to the node's index.
 */
package ma.rokhsa.infrastructure.search.changes;
