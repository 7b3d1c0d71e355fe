package ma.rokhsa.infrastructure.search;

/** The orders of a result list; ties are broken by dossier id, so cursors are stable. */
public enum SearchSort {
  /** Best match first. */
  RELEVANCE,
  /** Most recently deposited first; drafts last. */
  DEPOSITED,
  /** Soonest due first; dossiers without a due date last. */
  DUE
}
