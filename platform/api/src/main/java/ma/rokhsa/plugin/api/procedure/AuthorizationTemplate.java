package ma.rokhsa.plugin.api.procedure;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of the authorization delivered, in French and Arabic, with {@code {{field}}} for the
 * values of the dossier's form and {@code {{reference}}}, {@code {{applicant}}}, {@code
 * {{commune}}}, {@code {{date}}} for the platform's.
 *
 * @param fr the French text
 * @param ar the Arabic text
 */
public record AuthorizationTemplate(String fr, String ar) {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z0-9_]+)\\s*}}");

  public AuthorizationTemplate {
    Objects.requireNonNull(fr, "fr");
    Objects.requireNonNull(ar, "ar");
  }

  /**
   * The text in {@code language} with each placeholder replaced by its value; a placeholder without
   * a value is an error, so that no authorization goes out with a blank in it.
   *
   * @throws IllegalArgumentException naming the placeholder without a value
   */
  public String render(String language, java.util.function.Function<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher("ar".equals(language) ? ar : fr);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.apply(matcher.group(1));
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("no value for {{" + matcher.group(1) + "}}");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
