package ma.rokhsa.interfaces.rest.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import ma.rokhsa.infrastructure.search.SearchHit;
import ma.rokhsa.infrastructure.search.SearchPage;

/**
 * A page of search results, as a work list shows it.
 *
 * @param total how many dossiers match in all, within the caller's scope
 * @param results this page
 * @param next the cursor of the next page ({@code cursor=…}), null on the last page
 * @param facets per filter, the count of matching dossiers per value
 */
public record SearchResults(
    long total, List<Result> results, String next, Map<String, Map<String, Long>> facets) {

  /**
   * One dossier found.
   *
   * @param snippets per field ({@code names}, {@code address}, {@code text}), the matching passage
   *     with {@code <b>…</b>} around the matches; the rest of the text is not HTML-escaped
   */
  public record Result(
      String id,
      String reference,
      String applicant,
      String procedure,
      String state,
      String phase,
      LocalDate dueDate,
      boolean overdue,
      String tenant,
      String commune,
      Map<String, String> snippets) {

    static Result of(SearchHit h, LocalDate today) {
      boolean overdue =
          "OPEN".equals(h.phase()) && h.dueDate() != null && h.dueDate().isBefore(today);
      return new Result(
          h.id(),
          h.reference(),
          h.applicant(),
          h.procedure(),
          h.state(),
          h.phase(),
          h.dueDate(),
          overdue,
          h.tenant(),
          h.commune(),
          h.snippets());
    }
  }

  static SearchResults of(SearchPage page, LocalDate today) {
    return new SearchResults(
        page.total(),
        page.hits().stream().map(h -> Result.of(h, today)).toList(),
        page.nextCursor().orElse(null),
        page.facets());
  }

  /** Nothing: a caller with no scope at all. */
  static SearchResults none() {
    return new SearchResults(0, List.of(), null, Map.of());
  }
}
