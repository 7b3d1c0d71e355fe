package ma.rokhsa.plugin.api.procedure;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of the authorization delivered, in French and Arabic, with {@code {{field}}} for the
 * values of the dossier's form and {@code {{reference}}}, {@code {{applicant}}}, {@code
 * {{commune}}}, {@code {{date}}} for the platform's. Given the form ({@link #render(String,
 * FormDefinition, FormValues, Function)}), a template may also write {@code {{field.label}}} for
 * the label of a choice in the text's language, and repeat a part once per occurrence of a
 * repeatable section between {@code {{#section}}} and {@code {{/section}}}.
 *
 * @param fr the French text
 * @param ar the Arabic text
 */
public record AuthorizationTemplate(String fr, String ar) {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z0-9_]+)\\s*}}");

  /** Every tag of the full syntax: a value, a choice's label, a block's start or end. */
  private static final Pattern TAG =
      Pattern.compile("\\{\\{\\s*([#/]?)([a-z0-9_]+)(\\.label)?\\s*}}");

  /** A block's start or end alone on its line: the line goes with it. */
  private static final Pattern STANDALONE_BLOCK_TAG =
      Pattern.compile("(?m)^[ \\t]*(\\{\\{\\s*[#/][a-z0-9_]+\\s*}})[ \\t]*\\r?\\n");

  public AuthorizationTemplate {
    Objects.requireNonNull(fr, "fr");
    Objects.requireNonNull(ar, "ar");
  }

  /**
   * The text in {@code language} with each placeholder replaced by its value; a placeholder without
   * a value is an error, so that no authorization goes out with a blank in it. Knows only plain
   * {@code {{name}}} placeholders; {@link #render(String, FormDefinition, FormValues, Function)}
   * knows the whole syntax.
   *
   * @throws IllegalArgumentException naming the placeholder without a value
   */
  public String render(String language, Function<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(text(language));
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

  /**
   * The text in {@code language} for a dossier: {@code {{field}}} takes the form's value as text,
   * {@code {{field.label}}} the label, in {@code language}, of the choice a {@code CHOICE} field
   * holds, and the part between {@code {{#section}}} and {@code {{/section}}} is written once per
   * occurrence of that repeatable section (not at all when it has none), its placeholders naming
   * the section's fields — or, failing that, the dossier's. A block's tags alone on their line take
   * the line with them, so that each occurrence can be a line of its own. Other names are the
   * platform's, looked up in {@code platform}.
   *
   * @param platform the platform's values ({@code reference}, {@code applicant}…); {@code null} for
   *     any other name
   * @throws IllegalArgumentException naming the placeholder without a value, or a block not closed
   */
  public String render(
      String language, FormDefinition form, FormValues values, Function<String, String> platform) {
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(platform, "platform");
    String text = STANDALONE_BLOCK_TAG.matcher(text(language)).replaceAll("$1");
    Matcher matcher = TAG.matcher(text);
    StringBuilder out = new StringBuilder();
    int copied = 0;
    while (matcher.find()) {
      out.append(text, copied, matcher.start());
      copied = matcher.end();
      String name = matcher.group(2);
      if (matcher.group(1).equals("/")) {
        throw new IllegalArgumentException("{{/" + name + "}} closes no block");
      }
      if (matcher.group(1).equals("#")) {
        Matcher end = closing(text, name, matcher.end());
        String body = text.substring(matcher.end(), end.start());
        List<FormValues> occurrences = values.occurrences(name);
        for (int i = 0; i < occurrences.size(); i++) {
          FormValues occurrence = occurrences.get(i);
          out.append(
              fill(
                  body,
                  name + "[" + i + "] ",
                  tag ->
                      value(tag, language, form, occurrence)
                          .or(() -> value(tag, language, form, values))
                          .or(() -> platformValue(tag, platform))));
        }
        copied = end.end();
        matcher.region(copied, text.length());
        continue;
      }
      out.append(
          required(
              matcher,
              "",
              value(matcher, language, form, values).or(() -> platformValue(matcher, platform))));
    }
    out.append(text, copied, text.length());
    return out.toString();
  }

  private String text(String language) {
    return "ar".equals(language) ? ar : fr;
  }

  /** The {@code {{/name}}} that closes the block opened before {@code from}. */
  private static Matcher closing(String text, String name, int from) {
    Matcher end = TAG.matcher(text);
    end.region(from, text.length());
    while (end.find()) {
      if (end.group(1).equals("#")) {
        throw new IllegalArgumentException("blocks do not nest: {{#" + end.group(2) + "}}");
      }
      if (end.group(1).equals("/")) {
        if (!end.group(2).equals(name)) {
          throw new IllegalArgumentException(
              "{{#" + name + "}} is closed by {{/" + end.group(2) + "}}");
        }
        return end;
      }
    }
    throw new IllegalArgumentException("{{#" + name + "}} is not closed by {{/" + name + "}}");
  }

  /** A block's body for one occurrence: each tag by {@code lookup}, none left without a value. */
  private static String fill(
      String body, String where, Function<Matcher, Optional<String>> lookup) {
    Matcher matcher = TAG.matcher(body);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = required(matcher, where, lookup.apply(matcher));
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String required(Matcher tag, String where, Optional<String> value) {
    if (value.isEmpty() || value.get().isBlank()) {
      throw new IllegalArgumentException("no value for " + where + tag.group());
    }
    return value.get();
  }

  /**
   * The form's value of a tag in these values: the text, or the chosen choice's label; empty when
   * the field is not there or has no value.
   */
  private static Optional<String> value(
      Matcher tag, String language, FormDefinition form, FormValues values) {
    String name = tag.group(2);
    if (tag.group(3) == null) {
      return values.text(name);
    }
    Optional<Field> field = form.fields().stream().filter(f -> f.id().equals(name)).findFirst();
    Optional<String> chosen = values.text(name);
    if (field.isEmpty() || chosen.isEmpty()) {
      return Optional.empty();
    }
    return field.get().choices().stream()
        .filter(c -> c.value().equals(chosen.get()))
        .map(c -> c.label().in(language))
        .findFirst();
  }

  private static Optional<String> platformValue(Matcher tag, Function<String, String> platform) {
    return tag.group(3) == null
        ? Optional.ofNullable(platform.apply(tag.group(2)))
        : Optional.empty();
  }
}
