package ma.rokhsa.interfaces.web.theme;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The page texts of one language in one theme: the base theme's messages overridden by each theme
 * down the chain. Parameters are ICU {@link MessageFormat} ones ({@code {0}}), formatted in the
 * page's locale; a count given as a number chooses its language's plural form ({@code {0, plural,
 * one{# jour} other{# jours}}}: Arabic has six — zero, one, two, few, many, other), its {@code #}
 * written with the theme's digits.
 */
public final class Messages {

  private final Map<String, String> texts;
  private final Locale locale;
  private final ULocale icuLocale;

  Messages(Map<String, String> texts, Locale locale) {
    this.texts = Map.copyOf(texts);
    this.locale = locale;
    this.icuLocale = ULocale.forLocale(locale);
  }

  /** The text of this key, if a theme of the chain has it. */
  public Optional<String> find(String key, Object... args) {
    String pattern = texts.get(key);
    if (pattern == null) {
      return Optional.empty();
    }
    if (args == null || args.length == 0) {
      return Optional.of(pattern);
    }
    return Optional.of(new MessageFormat(pattern, icuLocale).format(args));
  }

  /**
   * The text of this key; a missing key shows as {@code ??key??} on the page, so that it is seen
   * and fixed rather than silently blank.
   */
  public String text(String key, Object... args) {
    return find(key, args).orElse("??" + key + "??");
  }

  /** The locale numbers and dates are formatted in. */
  public Locale locale() {
    return locale;
  }

  /** How many texts there are (base and overrides merged). */
  public int size() {
    return texts.size();
  }
}
