package ma.rokhsa.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The days of deposit a report covers, both included, in Morocco's legal days: at most {@value
 * #MAX_DAYS} days, so that a report reads a bounded number of dossiers (ADR 0036).
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

  /** The longest period: a year, a leap year's included. */
  public static final int MAX_DAYS = 366;

  public ReportPeriod {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException(
          "the period ends (" + to + ") before it starts (" + from + ")");
    }
    if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
      throw new IllegalArgumentException("a period is at most " + MAX_DAYS + " days");
    }
  }

  /** The default: the twelve months up to today, today included. */
  public static ReportPeriod lastTwelveMonths(LocalDate today) {
    return new ReportPeriod(today.minusMonths(12).plusDays(1), today);
  }

  /** Its first instant. */
  public Instant start() {
    return from.atStartOfDay(DossierWorkflow.LEGAL_ZONE).toInstant();
  }

  /** The first instant after it. */
  public Instant end() {
    return to.plusDays(1).atStartOfDay(DossierWorkflow.LEGAL_ZONE).toInstant();
  }
}
