package ma.rokhsa.interfaces.web.theme;

import java.util.Locale;
import java.util.Optional;

/** The languages of the pages: French (left to right) and Arabic (right to left). */
public enum Language {
  FR("fr", "ltr"),
  AR("ar", "rtl");

  private final String code;
  private final String direction;

  Language(String code, String direction) {
    this.code = code;
    this.direction = direction;
  }

  /** The BCP 47 code, {@code fr} or {@code ar}: {@code <html lang>} and the messages' suffix. */
  public String code() {
    return code;
  }

  /** {@code ltr} or {@code rtl}: {@code <html dir>}. */
  public String direction() {
    return direction;
  }

  /**
   * The locale numbers and dates are formatted in: Moroccan conventions, with Latin digits ({@code
   * latn}) or Arabic-Indic ones ({@code arab}) as the theme chooses.
   */
  public Locale locale(String digits) {
    String numbering = "arab".equals(digits) ? "arab" : "latn";
    return new Locale.Builder()
        .setLanguage(code)
        .setRegion("MA")
        .setUnicodeLocaleKeyword("nu", numbering)
        .build();
  }

  /** The language with this code, if it is one of the pages' languages. */
  public static Optional<Language> of(String code) {
    if (code == null) {
      return Optional.empty();
    }
    for (Language language : values()) {
      if (language.code.equalsIgnoreCase(code.strip())) {
        return Optional.of(language);
      }
    }
    return Optional.empty();
  }
}
