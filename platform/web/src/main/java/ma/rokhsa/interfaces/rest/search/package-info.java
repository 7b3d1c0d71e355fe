/**
 * {@code GET /api/search}: dossier search over the caller's territory, on this node's index (ADR
 * 0024).
 */
package ma.rokhsa.interfaces.rest.search;
