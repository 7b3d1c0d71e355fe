package ma.rokhsa.plugin.api;

import java.util.Objects;

/**
 * A text in the platform's two languages: French and Arabic (shown right to left). Both are
 * required: every label a user sees exists in both.
 *
 * @param fr the French text
 * @param ar the Arabic text
 */
public record LocalizedText(String fr, String ar) {

  public LocalizedText {
    if (fr == null || fr.isBlank() || ar == null || ar.isBlank()) {
      throw new IllegalArgumentException(
          "a text needs both French and Arabic: fr=" + fr + ", ar=" + ar);
    }
  }

  public static LocalizedText of(String fr, String ar) {
    return new LocalizedText(fr, ar);
  }

  /** The text in {@code language} ({@code fr} or {@code ar}); French for any other. */
  public String in(String language) {
    return "ar".equals(Objects.requireNonNullElse(language, "fr")) ? ar : fr;
  }
}
