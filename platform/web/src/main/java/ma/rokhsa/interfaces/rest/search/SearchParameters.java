package ma.rokhsa.interfaces.rest.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import ma.rokhsa.domain.model.dossier.Phase;
import ma.rokhsa.infrastructure.search.SearchRequest;
import ma.rokhsa.infrastructure.search.SearchScope;
import ma.rokhsa.infrastructure.search.SearchSort;
import ma.rokhsa.interfaces.rest.ParameterRefused;
import ma.rokhsa.interfaces.rest.RequestValues;

/**
 * Turns the query parameters of {@code GET /api/search} into a {@link SearchRequest} within the
 * caller's scope, refusing ({@link ParameterRefused}, answered 400) a value that cannot be used.
 * Filters repeat ({@code state=depose&state=instruction}) or list values with commas; each only
 * narrows the scope, which the server sets. The back office's search page reads its form with it
 * too, so that the page and the API accept the same values.
 */
public final class SearchParameters {

  /** The longest text searched for. */
  public static final int MAX_Q = 500;

  /** The most values of one filter. */
  static final int MAX_VALUES = 50;

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  private SearchParameters() {}

  /** The raw parameters, as JAX-RS gives them. */
  public record Raw(
      String q,
      List<String> procedure,
      List<String> state,
      List<String> phase,
      List<String> tenant,
      List<String> province,
      List<String> region,
      String depositedFrom,
      String depositedTo,
      String dueFrom,
      String dueTo,
      String overdue,
      String sort,
      String cursor,
      String size) {}

  public static SearchRequest parse(Raw raw, SearchScope scope, LocalDate today) {
    String q = raw.q() == null ? "" : raw.q().strip();
    if (q.length() > MAX_Q) {
      throw new ParameterRefused("q", "is longer than " + MAX_Q + " characters");
    }
    Set<Phase> phases = new LinkedHashSet<>();
    for (String p : values("phase", raw.phase())) {
      phases.add(enumValue(Phase.class, "phase", p));
    }
    SearchSort sort =
        raw.sort() == null || raw.sort().isBlank()
            ? SearchSort.RELEVANCE
            : enumValue(SearchSort.class, "sort", raw.sort());
    String cursor = raw.cursor() == null || raw.cursor().isBlank() ? null : raw.cursor().strip();
    if (cursor != null && (cursor.length() > 1000 || !cursor.matches("[A-Za-z0-9_-]+"))) {
      throw new ParameterRefused("cursor", "is not a cursor this search gave");
    }
    return SearchRequest.of(scope, q, today)
        .withFilters(
            codes("procedure", raw.procedure()),
            codes("state", raw.state()),
            phases,
            codes("tenant", raw.tenant()),
            codes("province", raw.province()),
            codes("region", raw.region()))
        .withDates(
            date("depositedFrom", raw.depositedFrom()),
            date("depositedTo", raw.depositedTo()),
            date("dueFrom", raw.dueFrom()),
            date("dueTo", raw.dueTo()))
        .withOverdue(bool("overdue", raw.overdue()))
        .withPage(sort, cursor, size(raw.size()));
  }

  static List<String> values(String name, List<String> raw) {
    if (raw == null) {
      return List.of();
    }
    List<String> out =
        raw.stream()
            .flatMap(v -> Arrays.stream(v.split(",")))
            .map(String::strip)
            .filter(v -> !v.isEmpty())
            .distinct()
            .toList();
    if (out.size() > MAX_VALUES) {
      throw new ParameterRefused(name, "has more than " + MAX_VALUES + " values");
    }
    return out;
  }

  private static Set<String> codes(String name, List<String> raw) {
    Set<String> out = new LinkedHashSet<>();
    for (String v : values(name, raw)) {
      if (!CODE.matcher(v).matches()) {
        throw new ParameterRefused(
            name, "'" + RequestValues.abbreviated(v) + "' is not a " + name + " code");
      }
      out.add(v);
    }
    return out;
  }

  static LocalDate date(String name, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(raw.strip());
    } catch (DateTimeParseException e) {
      throw new ParameterRefused(
          name, "'" + RequestValues.abbreviated(raw) + "' is not a date (YYYY-MM-DD)");
    }
  }

  static Boolean bool(String name, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    return switch (raw.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default ->
          throw new ParameterRefused(
              name, "'" + RequestValues.abbreviated(raw) + "' is not true or false");
    };
  }

  static int size(String raw) {
    if (raw == null || raw.isBlank()) {
      return 20;
    }
    try {
      int size = Integer.parseInt(raw.strip());
      if (size >= 1 && size <= SearchRequest.MAX_SIZE) {
        return size;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new ParameterRefused("size", "must be a number from 1 to " + SearchRequest.MAX_SIZE);
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ParameterRefused(
          name,
          "'"
              + RequestValues.abbreviated(value)
              + "' is not one of "
              + Arrays.toString(type.getEnumConstants()));
    }
  }
}
