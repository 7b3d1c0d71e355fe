package ma.rokhsa.interfaces.rest.report;

import java.time.LocalDate;
import java.util.List;
import ma.rokhsa.application.DelayReport;

/**
 * A delay report in JSON.
 *
 * @param from the first day of deposit covered
 * @param to the last one
 * @param today the day due dates were compared with
 * @param rows one per commune and procedure with a deposit in the period
 */
public record DelayReportRepresentation(
    LocalDate from, LocalDate to, LocalDate today, List<Row> rows) {

  /**
   * One commune's delays for one procedure.
   *
   * @param medianWorkingDays absent when nothing was decided
   * @param p90WorkingDays absent when nothing was decided
   */
  public record Row(
      String tenant,
      String communeFr,
      String communeAr,
      String procedure,
      String procedureFr,
      String procedureAr,
      long deposited,
      long decided,
      Integer medianWorkingDays,
      Integer p90WorkingDays,
      long overdue) {}

  static DelayReportRepresentation of(DelayReport report) {
    return new DelayReportRepresentation(
        report.period().from(),
        report.period().to(),
        report.today(),
        report.rows().stream()
            .map(
                r ->
                    new Row(
                        r.tenantId(),
                        r.tenantFr(),
                        r.tenantAr(),
                        r.procedureId(),
                        r.procedureFr(),
                        r.procedureAr(),
                        r.deposited(),
                        r.decided(),
                        r.medianDays().orElse(null),
                        r.ninetiethDays().orElse(null),
                        r.overdue()))
            .toList());
  }
}
