package ma.rokhsa.infrastructure.search;

/** Searching dossiers, within the scope the request carries. */
public interface DossierSearch {

  /**
   * The page of dossiers that match, never outside {@code request.scope()}.
   *
   * @throws IllegalArgumentException for a cursor this search did not issue or of another order
   */
  SearchPage search(SearchRequest request);
}
