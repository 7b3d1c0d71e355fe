package ma.rokhsa.interfaces.rest.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import ma.rokhsa.application.DelayReport;
import org.apache.commons.csv.CSVFormat;

/**
 * A delay report as CSV (RFC 4180, UTF-8, a header line), for the API and the page's download
 * alike: one line per commune and procedure, names in French and Arabic, delays in working days (an
 * empty cell when nothing was decided). The header names are the data's, stable, not translated.
 */
public final class DelayReportCsv {

  /** The media type answered. */
  public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

  static final String[] HEADER = {
    "tenant",
    "commune_fr",
    "commune_ar",
    "procedure",
    "procedure_fr",
    "procedure_ar",
    "period_from",
    "period_to",
    "deposited",
    "decided",
    "median_working_days",
    "p90_working_days",
    "overdue"
  };

  private DelayReportCsv() {}

  /** The report as CSV text. */
  public static String of(DelayReport report) {
    // CSVFormat prints records itself: CSVPrinter's annotations need SpotBugs' on the class path.
    CSVFormat format = CSVFormat.RFC4180;
    StringBuilder out = new StringBuilder();
    try {
      format.printRecord(out, (Object[]) HEADER);
      for (DelayReport.Row r : report.rows()) {
        format.printRecord(
            out,
            r.tenantId(),
            r.tenantFr(),
            r.tenantAr(),
            r.procedureId(),
            r.procedureFr(),
            r.procedureAr(),
            report.period().from(),
            report.period().to(),
            r.deposited(),
            r.decided(),
            r.medianDays().map(String::valueOf).orElse(""),
            r.ninetiethDays().map(String::valueOf).orElse(""),
            r.overdue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** The {@code Content-Disposition} of the download: the period in the file's name. */
  public static String disposition(DelayReport report) {
    return "attachment; filename=\"rokhsa-delais-"
        + report.period().from()
        + "_"
        + report.period().to()
        + ".csv\"";
  }
}
