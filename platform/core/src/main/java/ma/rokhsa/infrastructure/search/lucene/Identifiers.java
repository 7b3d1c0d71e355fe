package ma.rokhsa.infrastructure.search.lucene;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moroccan identifiers in one written form, so that the ways people type them match: CIN {@code BK
 * 123456} = {@code bk123456} = {@code BK-123456}; titre foncier {@code T.F. 12345/C} = {@code
 * 12345/C} = {@code TF n° 12345 / c}; ICE with or without spaces; RC with or without "RC". Each
 * normalized value carries its kind ({@code cin:BK123456}, {@code tf:12345/C}, {@code
 * ice:001234567000089}, {@code rc:12345}) so a CIN never matches a parcel.
 */
public final class Identifiers {

  private static final Pattern CIN =
      Pattern.compile("(?i)^\\s*([a-z]{1,2})[\\s.-]*(\\d{1,7})\\s*$");
  private static final Pattern TF =
      Pattern.compile(
          "(?i)^\\s*(?:t\\.?\\s*f\\.?\\s*(?:n\\s*[°o]\\.?\\s*)?)?(\\d{1,9})\\s*/\\s*([a-z0-9]{1,4})\\s*$");
  private static final Pattern RC =
      Pattern.compile("(?i)^\\s*(?:r\\.?\\s*c\\.?\\s*(?:n\\s*[°o]\\.?\\s*)?)?(\\d{1,9})\\s*$");

  private static final Pattern CIN_IN_TEXT =
      Pattern.compile("(?i)(?<![\\p{L}\\d/])([a-z]{1,2})[\\s.-]?(\\d{3,7})(?![\\d/\\p{L}])");
  private static final Pattern TF_IN_TEXT =
      Pattern.compile(
          "(?i)(?:t\\.?\\s*f\\.?\\s*(?:n\\s*[°o]\\.?\\s*)?)?(?<![\\d])(\\d{1,9})\\s*/\\s*([a-z]{1,3}|\\d{1,3})(?![\\p{L}\\d])");
  private static final Pattern RC_IN_TEXT =
      Pattern.compile("(?i)(?<!\\p{L})r\\.?\\s*c\\.?\\s*(?:n\\s*[°o]\\.?\\s*)?(\\d{1,9})(?!\\d)");
  private static final Pattern DIGITS_IN_TEXT =
      Pattern.compile("(?<![\\d/])(\\d[\\d .]{13,24}\\d)");

  private Identifiers() {}

  /** A CIN ({@code cin:BK123456}), if the text is one. */
  public static Optional<String> cin(String text) {
    Matcher m = CIN.matcher(nonNull(text));
    return m.matches() ? Optional.of(cinTerm(m.group(1), m.group(2))) : Optional.empty();
  }

  /** A titre foncier number ({@code tf:12345/C}), if the text is one. */
  public static Optional<String> titreFoncier(String text) {
    Matcher m = TF.matcher(nonNull(text));
    return m.matches() ? Optional.of(tfTerm(m.group(1), m.group(2))) : Optional.empty();
  }

  /** An ICE, 15 digits ({@code ice:001234567000089}), if the text is one. */
  public static Optional<String> ice(String text) {
    String digits = nonNull(text).replaceAll("[\\s.]", "");
    return digits.matches("\\d{15}") ? Optional.of("ice:" + digits) : Optional.empty();
  }

  /** A registre de commerce number ({@code rc:12345}), if the text is one. */
  public static Optional<String> rc(String text) {
    Matcher m = RC.matcher(nonNull(text));
    return m.matches() ? Optional.of("rc:" + stripZeros(m.group(1))) : Optional.empty();
  }

  /** Every identifier a free-text query may contain, normalized as the index holds them. */
  public static Set<String> inQuery(String q) {
    Set<String> found = new LinkedHashSet<>();
    String text = nonNull(q);
    Matcher m = TF_IN_TEXT.matcher(text);
    while (m.find()) {
      found.add(tfTerm(m.group(1), m.group(2)));
    }
    m = RC_IN_TEXT.matcher(text);
    while (m.find()) {
      found.add("rc:" + stripZeros(m.group(1)));
    }
    m = CIN_IN_TEXT.matcher(text);
    while (m.find()) {
      found.add(cinTerm(m.group(1), m.group(2)));
    }
    m = DIGITS_IN_TEXT.matcher(text);
    while (m.find()) {
      ice(m.group(1)).ifPresent(found::add);
    }
    return found;
  }

  private static String cinTerm(String letters, String digits) {
    return "cin:" + letters.toUpperCase(Locale.ROOT) + digits;
  }

  private static String tfTerm(String number, String suffix) {
    return "tf:" + stripZeros(number) + "/" + suffix.toUpperCase(Locale.ROOT);
  }

  private static String stripZeros(String digits) {
    return digits.replaceFirst("^0+(?=\\d)", "");
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }
}
