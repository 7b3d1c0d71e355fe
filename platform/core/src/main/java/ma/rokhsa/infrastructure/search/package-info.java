/**
 * Dossier search as the application sees it: the searchable facts of a dossier, the caller's scope,
 * a request and its page of hits. The Lucene implementation is in {@code lucene} (ADR 0020).
 */
package ma.rokhsa.infrastructure.search;
