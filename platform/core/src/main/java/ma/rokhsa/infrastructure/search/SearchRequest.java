package ma.rokhsa.infrastructure.search;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import ma.rokhsa.domain.model.dossier.Phase;

/**
 * One search: the caller's mandatory scope, free text, filters, order and page.
 *
 * @param scope who is asking (set by the server)
 * @param q free text (names in either script, identifiers, references, addresses, words); blank for
 *     all
 * @param procedures only these procedures (empty: any)
 * @param states only these states
 * @param phases only these phases
 * @param tenants only these tenants (within the scope)
 * @param provinces only these provinces (within the scope)
 * @param regions only these regions (within the scope)
 * @param depositedFrom deposited on or after this legal date
 * @param depositedTo deposited on or before this legal date
 * @param dueFrom due on or after
 * @param dueTo due on or before
 * @param overdue true: only open dossiers past their due date; false: none of them; null: any
 * @param today the legal date that "overdue" is measured against
 * @param sort the order
 * @param cursor the {@link SearchPage#nextCursor()} of the previous page, or null for the first
 * @param size the page size, 1 to {@value #MAX_SIZE}
 */
public record SearchRequest(
    SearchScope scope,
    String q,
    Set<String> procedures,
    Set<String> states,
    Set<Phase> phases,
    Set<String> tenants,
    Set<String> provinces,
    Set<String> regions,
    LocalDate depositedFrom,
    LocalDate depositedTo,
    LocalDate dueFrom,
    LocalDate dueTo,
    Boolean overdue,
    LocalDate today,
    SearchSort sort,
    String cursor,
    int size) {

  public static final int MAX_SIZE = 100;

  public SearchRequest {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(today, "today");
    q = q == null ? "" : q;
    procedures = Set.copyOf(procedures);
    states = Set.copyOf(states);
    phases = Set.copyOf(phases);
    tenants = Set.copyOf(tenants);
    provinces = Set.copyOf(provinces);
    regions = Set.copyOf(regions);
    sort = sort == null ? SearchSort.RELEVANCE : sort;
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be 1 to " + MAX_SIZE + ": " + size);
    }
  }

  /** A first page of 20 by relevance for this text in this scope, with no filter. */
  public static SearchRequest of(SearchScope scope, String q, LocalDate today) {
    return new SearchRequest(
        scope,
        q,
        Set.of(),
        Set.of(),
        Set.of(),
        Set.of(),
        Set.of(),
        Set.of(),
        null,
        null,
        null,
        null,
        null,
        today,
        SearchSort.RELEVANCE,
        null,
        20);
  }

  public SearchRequest withFilters(
      Set<String> procedures,
      Set<String> states,
      Set<Phase> phases,
      Set<String> tenants,
      Set<String> provinces,
      Set<String> regions) {
    return new SearchRequest(
        scope,
        q,
        procedures,
        states,
        phases,
        tenants,
        provinces,
        regions,
        depositedFrom,
        depositedTo,
        dueFrom,
        dueTo,
        overdue,
        today,
        sort,
        cursor,
        size);
  }

  public SearchRequest withDates(
      LocalDate depositedFrom, LocalDate depositedTo, LocalDate dueFrom, LocalDate dueTo) {
    return new SearchRequest(
        scope,
        q,
        procedures,
        states,
        phases,
        tenants,
        provinces,
        regions,
        depositedFrom,
        depositedTo,
        dueFrom,
        dueTo,
        overdue,
        today,
        sort,
        cursor,
        size);
  }

  public SearchRequest withOverdue(Boolean overdue) {
    return new SearchRequest(
        scope,
        q,
        procedures,
        states,
        phases,
        tenants,
        provinces,
        regions,
        depositedFrom,
        depositedTo,
        dueFrom,
        dueTo,
        overdue,
        today,
        sort,
        cursor,
        size);
  }

  public SearchRequest withPage(SearchSort sort, String cursor, int size) {
    return new SearchRequest(
        scope,
        q,
        procedures,
        states,
        phases,
        tenants,
        provinces,
        regions,
        depositedFrom,
        depositedTo,
        dueFrom,
        dueTo,
        overdue,
        today,
        sort,
        cursor,
        size);
  }
}
