/**
 * The Lucene index of dossiers (ADR 0020): analysis of French, Arabic, names and identifiers, the
 * near-real-time index and its queries, facets, cursors and snippets.
 */
package ma.rokhsa.infrastructure.search.lucene;
