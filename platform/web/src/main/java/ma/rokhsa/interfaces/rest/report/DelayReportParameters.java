package ma.rokhsa.interfaces.rest.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import ma.rokhsa.application.ReportPeriod;
import ma.rokhsa.interfaces.rest.ParameterRefused;
import ma.rokhsa.interfaces.rest.RequestValues;

/**
 * The period and format of a delay report as a request gives them ({@code from}, {@code to} as
 * YYYY-MM-DD, {@code format} json or csv), checked the same way for the API and the page: a value
 * that cannot be used is a {@link ParameterRefused} naming it.
 */
public final class DelayReportParameters {

  private static final LocalDate FIRST = LocalDate.of(2000, 1, 1);
  private static final LocalDate LAST = LocalDate.of(2100, 12, 31);

  private DelayReportParameters() {}

  /** The formats a report is given in. */
  public enum Format {
    JSON,
    CSV
  }

  /**
   * The period: {@code from} and {@code to} as given, each defaulting from the twelve months up to
   * today ({@code to} alone: the twelve months up to it; {@code from} alone: up to today).
   *
   * @throws ParameterRefused naming the parameter at fault
   */
  public static ReportPeriod period(String from, String to, ReportPeriod byDefault) {
    LocalDate end = blank(to) ? byDefault.to() : date("to", to);
    LocalDate start =
        blank(from)
            ? (blank(to) ? byDefault.from() : ReportPeriod.lastTwelveMonths(end).from())
            : date("from", from);
    if (end.isBefore(start)) {
      throw new ParameterRefused(
          blank(to) ? "from" : "to",
          "the period ends (" + end + ") before it starts (" + start + ")");
    }
    try {
      return new ReportPeriod(start, end);
    } catch (IllegalArgumentException tooLong) {
      throw new ParameterRefused("from", tooLong.getMessage());
    }
  }

  /** The format: {@code json} (default) or {@code csv}. */
  public static Format format(String raw) {
    if (blank(raw)) {
      return Format.JSON;
    }
    return switch (raw.strip().toLowerCase(Locale.ROOT)) {
      case "json" -> Format.JSON;
      case "csv" -> Format.CSV;
      default ->
          throw new ParameterRefused(
              "format", "'" + RequestValues.abbreviated(raw) + "' is not json or csv");
    };
  }

  private static boolean blank(String raw) {
    return raw == null || raw.isBlank();
  }

  private static LocalDate date(String name, String raw) {
    LocalDate date;
    try {
      date = LocalDate.parse(raw.strip());
    } catch (DateTimeParseException e) {
      throw new ParameterRefused(
          name, "'" + RequestValues.abbreviated(raw) + "' is not a date (YYYY-MM-DD)");
    }
    // The working calendars count from 2000 to 2100 (HolidayCalendar): no dossier lies outside.
    if (date.isBefore(FIRST) || date.isAfter(LAST)) {
      throw new ParameterRefused(name, "is not a date from " + FIRST + " to " + LAST);
    }
    return date;
  }
}
