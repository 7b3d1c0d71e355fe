package ma.rokhsa.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How long the administration took, per commune and procedure, over the dossiers deposited in a
 * period, as far as the caller may see (ADR 0036).
 *
 * @param period the days of deposit covered
 * @param today the day due dates were compared with (overdue counts)
 * @param rows one per tenant and procedure with a deposit in the period, by tenant name then
 *     procedure id
 */
public record DelayReport(ReportPeriod period, LocalDate today, List<Row> rows) {

  public DelayReport {
    rows = List.copyOf(rows);
  }

  /**
   * One commune's (or other tenant's) delays for one procedure.
   *
   * @param median the median delay in working days, empty when nothing was decided
   * @param ninetieth the 90th percentile
   */
  public record Row(
      String tenantId,
      String tenantFr,
      String tenantAr,
      String procedureId,
      String procedureFr,
      String procedureAr,
      long deposited,
      long decided,
      OptionalInt median,
      OptionalInt ninetieth,
      long overdue) {

    /** The median, for templates and JSON (empty: nothing decided). */
    public Optional<Integer> medianDays() {
      return median.isPresent() ? Optional.of(median.getAsInt()) : Optional.empty();
    }

    public Optional<Integer> ninetiethDays() {
      return ninetieth.isPresent() ? Optional.of(ninetieth.getAsInt()) : Optional.empty();
    }
  }

  /** The longest 90th percentile of the rows (the scale of a chart), 0 when none. */
  public int longest() {
    return rows.stream().mapToInt(r -> r.ninetieth().orElse(0)).max().orElse(0);
  }
}
