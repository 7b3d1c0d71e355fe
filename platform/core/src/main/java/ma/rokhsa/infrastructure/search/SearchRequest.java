package ma.rokhsa.infrastructure.search;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import ma.rokhsa.domain.model.dossier.Phase;

/**
 * One search: the caller's mandatory scope, free text, filters, order and page. Start from {@link
 * #of} and narrow it with the {@code with…} methods.
 *
 * @param scope who is asking (set by the server)
 * @param q free text (names in either script, identifiers, references, addresses, words); blank for
 *     all
 * @param filters the values a dossier must have (within the scope)
 * @param dates the date ranges a dossier must fall in
 * @param overdue true: only open dossiers past their due date; false: none of them; null: any
 * @param today the legal date that "overdue" is measured against
 * @param page the order and the page asked for
 */
public record SearchRequest(
    SearchScope scope,
    String q,
    Filters filters,
    Dates dates,
    Boolean overdue,
    LocalDate today,
    Page page) {

  public static final int MAX_SIZE = 100;

  public SearchRequest {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(today, "today");
    Objects.requireNonNull(filters, "filters");
    Objects.requireNonNull(dates, "dates");
    Objects.requireNonNull(page, "page");
    q = q == null ? "" : q;
  }

  /**
   * The values a dossier must have; an empty set does not filter.
   *
   * @param procedures only these procedures
   * @param states only these states
   * @param phases only these phases
   * @param tenants only these tenants (within the scope)
   * @param provinces only these provinces (within the scope)
   * @param regions only these regions (within the scope)
   */
  public record Filters(
      Set<String> procedures,
      Set<String> states,
      Set<Phase> phases,
      Set<String> tenants,
      Set<String> provinces,
      Set<String> regions) {

    public static final Filters NONE =
        new Filters(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

    public Filters {
      procedures = Set.copyOf(procedures);
      states = Set.copyOf(states);
      phases = Set.copyOf(phases);
      tenants = Set.copyOf(tenants);
      provinces = Set.copyOf(provinces);
      regions = Set.copyOf(regions);
    }
  }

  /**
   * Date ranges, each bound inclusive and optional (null).
   *
   * @param depositedFrom deposited on or after this legal date
   * @param depositedTo deposited on or before this legal date
   * @param dueFrom due on or after
   * @param dueTo due on or before
   */
  public record Dates(
      LocalDate depositedFrom, LocalDate depositedTo, LocalDate dueFrom, LocalDate dueTo) {

    public static final Dates ANY = new Dates(null, null, null, null);
  }

  /**
   * The order and the page.
   *
   * @param sort the order (relevance when null)
   * @param cursor the {@link SearchPage#nextCursor()} of the previous page, or null for the first
   * @param size the page size, 1 to {@value SearchRequest#MAX_SIZE}
   */
  public record Page(SearchSort sort, String cursor, int size) {

    public Page {
      sort = sort == null ? SearchSort.RELEVANCE : sort;
      if (size < 1 || size > MAX_SIZE) {
        throw new IllegalArgumentException("size must be 1 to " + MAX_SIZE + ": " + size);
      }
    }
  }

  /** A first page of 20 by relevance for this text in this scope, with no filter. */
  public static SearchRequest of(SearchScope scope, String q, LocalDate today) {
    return new SearchRequest(
        scope, q, Filters.NONE, Dates.ANY, null, today, new Page(SearchSort.RELEVANCE, null, 20));
  }

  public SearchRequest withFilters(
      Set<String> procedures,
      Set<String> states,
      Set<Phase> phases,
      Set<String> tenants,
      Set<String> provinces,
      Set<String> regions) {
    Filters narrowed = new Filters(procedures, states, phases, tenants, provinces, regions);
    return new SearchRequest(scope, q, narrowed, dates, overdue, today, page);
  }

  public SearchRequest withDates(
      LocalDate depositedFrom, LocalDate depositedTo, LocalDate dueFrom, LocalDate dueTo) {
    Dates ranges = new Dates(depositedFrom, depositedTo, dueFrom, dueTo);
    return new SearchRequest(scope, q, filters, ranges, overdue, today, page);
  }

  public SearchRequest withOverdue(Boolean overdue) {
    return new SearchRequest(scope, q, filters, dates, overdue, today, page);
  }

  public SearchRequest withPage(SearchSort sort, String cursor, int size) {
    return new SearchRequest(
        scope, q, filters, dates, overdue, today, new Page(sort, cursor, size));
  }

  public Set<String> procedures() {
    return filters.procedures();
  }

  public Set<String> states() {
    return filters.states();
  }

  public Set<Phase> phases() {
    return filters.phases();
  }

  public Set<String> tenants() {
    return filters.tenants();
  }

  public Set<String> provinces() {
    return filters.provinces();
  }

  public Set<String> regions() {
    return filters.regions();
  }

  public LocalDate depositedFrom() {
    return dates.depositedFrom();
  }

  public LocalDate depositedTo() {
    return dates.depositedTo();
  }

  public LocalDate dueFrom() {
    return dates.dueFrom();
  }

  public LocalDate dueTo() {
    return dates.dueTo();
  }

  public SearchSort sort() {
    return page.sort();
  }

  public String cursor() {
    return page.cursor();
  }

  public int size() {
    return page.size();
  }
}
