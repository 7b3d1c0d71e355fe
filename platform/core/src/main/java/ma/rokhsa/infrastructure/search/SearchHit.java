package ma.rokhsa.infrastructure.search;

import java.time.LocalDate;
import java.util.Map;

/**
 * One dossier found, with what a work list shows and highlighted snippets ({@code <b>…</b>} around
 * matches; the text itself is not HTML-escaped here: the view escapes it).
 */
public record SearchHit(
    String id,
    String reference,
    String applicant,
    String procedure,
    String state,
    String phase,
    LocalDate dueDate,
    String tenant,
    String commune,
    float score,
    Map<String, String> snippets) {

  public SearchHit {
    snippets = Map.copyOf(snippets);
  }
}
