package ma.rokhsa.infrastructure.search.lucene;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import ma.rokhsa.infrastructure.search.SearchSort;

/**
 * The opaque search-after cursor: the order it belongs to and the sort values of the last hit of a
 * page (score or date, then the dossier id that breaks ties). Base64url, so it travels in a query
 * string; not a secret (it holds nothing a caller could not see), and not trusted: a malformed one
 * is refused, and the scope filter applies to every page regardless.
 */
record SearchCursor(SearchSort sort, String value, String id) {

  private static final String VERSION = "c1";

  String encode() {
    String raw = VERSION + '\n' + sort.name() + '\n' + value + '\n' + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a cursor issued for this order.
   *
   * @throws IllegalArgumentException if it is not one
   */
  static SearchCursor decode(String cursor, SearchSort expected) {
    String raw;
    try {
      raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a search cursor", e);
    }
    String[] parts = raw.split("\n", -1);
    if (parts.length != 4 || !parts[0].equals(VERSION) || parts[3].isEmpty()) {
      throw new IllegalArgumentException("not a search cursor");
    }
    if (!parts[1].equals(expected.name())) {
      throw new IllegalArgumentException("the cursor belongs to another order: " + parts[1]);
    }
    try {
      if (expected == SearchSort.RELEVANCE) {
        Float.parseFloat(parts[2]);
      } else {
        Long.parseLong(parts[2]);
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a search cursor", e);
    }
    return new SearchCursor(expected, parts[2], parts[3]);
  }
}
