package ma.rokhsa.interfaces.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.rokhsa.application.Caller;
import ma.rokhsa.application.DelayReport;
import ma.rokhsa.application.DelayReports;
import ma.rokhsa.application.ReportPeriod;
import ma.rokhsa.domain.model.identity.Role;
import ma.rokhsa.interfaces.rest.ParameterRefused;
import ma.rokhsa.interfaces.rest.report.DelayReportCsv;
import ma.rokhsa.interfaces.rest.report.DelayReportParameters;
import ma.rokhsa.interfaces.web.pages.DossierPagesServlet.ErrorView;

/**
 * The dashboard of delays (ADR 0036), for supervisors, the national admin and agents: per commune
 * and procedure of the caller's scope, the dossiers deposited in a period, decided, the median and
 * 90th percentile delay in working days and the overdue ones — a table, the source of truth, and
 * the same delays drawn as horizontal bars in inline SVG (no script), mirrored in Arabic; and the
 * same report as a CSV file.
 *
 * <pre>
 * GET /back-office/delays?from=YYYY-MM-DD&amp;to=YYYY-MM-DD       the page
 * GET /back-office/delays.csv?from=…&amp;to=…                     the CSV file
 * </pre>
 *
 * <p>The scope is {@link DelayReports}' — the tenants the caller may read — never the page's.
 */
@WebServlet(
    name = "delays-page",
    urlPatterns = {DelaysServlet.PATH, DelaysServlet.CSV})
public class DelaysServlet extends HttpServlet {

  static final String PATH = "/back-office/delays";
  static final String CSV = PATH + ".csv";
  private static final long serialVersionUID = 1L;

  /** The length of the longest bar, in the chart's units. */
  static final int CHART_WIDTH = 400;

  @Inject transient Pages pages;
  @Inject transient DelayReports reports;

  /** A line of the table, written in the page's language. */
  public record DelayLine(
      String commune,
      String procedure,
      String deposited,
      String decided,
      String median,
      String ninetieth,
      String overdue,
      boolean late) {}

  /**
   * A row of the chart: two bars, the median's and the 90th percentile's, from the start of the
   * line (the right in Arabic).
   */
  public record DelayBar(
      String label,
      String description,
      String values,
      int medianX,
      int medianWidth,
      int ninetiethX,
      int ninetiethWidth) {}

  /** Whether the caller supervises a territory or the nation (the header's link). */
  static boolean supervisor(Caller caller) {
    return caller.holds(Role.NATIONAL_ADMIN)
        || caller.holds(Role.REGIONAL_SUPERVISOR)
        || caller.holds(Role.PROVINCIAL_SUPERVISOR);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<Caller> caller = pages.session().caller(request);
    if (caller.isEmpty()) {
      DossierPagesServlet.signIn(request, response);
      return;
    }
    Page page = pages.open(request, response, pages.themes().national());
    if (!reports.mayReport(caller.get())) {
      pages.render(
          page, "not-found", Map.of(), HttpServletResponse.SC_NOT_FOUND, request, response);
      return;
    }
    String from = DossierPagesServlet.value(request, "from", 40);
    String to = DossierPagesServlet.value(request, "to", 40);
    ReportPeriod period;
    try {
      period = DelayReportParameters.period(from, to, reports.defaultPeriod());
    } catch (ParameterRefused refused) {
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("from", from);
      model.put("to", to);
      List<ErrorView> errors =
          List.of(
              new ErrorView(
                  "#" + refused.parameter(),
                  page.messages().text("delays.error." + refused.parameter())));
      model.put("errors", errors);
      model.put("errorFor", refused.parameter());
      model.put("lines", List.of());
      model.put("bars", List.of());
      model.put("lead", null);
      model.put("csvHref", null);
      pages.render(page, "delays", model, HttpServletResponse.SC_BAD_REQUEST, request, response);
      return;
    }
    DelayReport report = reports.report(caller.get(), period);
    if (request.getServletPath().equals(CSV)) {
      byte[] csv = DelayReportCsv.of(report).getBytes(StandardCharsets.UTF_8);
      response.setStatus(200);
      response.setContentType(DelayReportCsv.MEDIA_TYPE);
      response.setHeader("Content-Disposition", DelayReportCsv.disposition(report));
      response.setHeader("Cache-Control", "no-store");
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setContentLength(csv.length);
      response.getOutputStream().write(csv);
      return;
    }
    String query = "?from=" + period.from() + "&to=" + period.to();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("from", period.from().toString());
    model.put("to", period.to().toString());
    model.put("errors", List.of());
    model.put("errorFor", "");
    model.put(
        "lead",
        page.messages().text("delays.lead", page.date(period.from()), page.date(period.to())));
    model.put("lines", lines(page, report));
    model.put("bars", bars(page, report));
    model.put("csvHref", CSV + query);
    pages.render(page, "delays", model, 200, request, response);
  }

  static List<DelayLine> lines(Page page, DelayReport report) {
    String none = page.messages().text("delays.none");
    List<DelayLine> lines = new ArrayList<>();
    for (DelayReport.Row r : report.rows()) {
      lines.add(
          new DelayLine(
              page.name(r.tenantFr(), r.tenantAr()),
              page.name(r.procedureFr(), r.procedureAr()),
              page.number(r.deposited()),
              page.number(r.decided()),
              r.medianDays().map(page::number).orElse(none),
              r.ninetiethDays().map(page::number).orElse(none),
              page.number(r.overdue()),
              r.overdue() > 0));
    }
    return lines;
  }

  /** The chart's rows: the decided ones, scaled to the longest 90th percentile. */
  static List<DelayBar> bars(Page page, DelayReport report) {
    int longest = Math.max(1, report.longest());
    boolean rtl = "rtl".equals(page.dir());
    List<DelayBar> bars = new ArrayList<>();
    for (DelayReport.Row r : report.rows()) {
      if (r.median().isEmpty()) {
        continue;
      }
      int median = r.median().getAsInt();
      int ninetieth = r.ninetieth().getAsInt();
      int medianWidth = median * CHART_WIDTH / longest;
      int ninetiethWidth = ninetieth * CHART_WIDTH / longest;
      String label =
          page.messages()
              .text(
                  "delays.chart.label",
                  page.name(r.tenantFr(), r.tenantAr()),
                  page.name(r.procedureFr(), r.procedureAr()));
      String values =
          page.messages().text("delays.chart.values", page.number(median), page.number(ninetieth));
      bars.add(
          new DelayBar(
              label,
              label + " — " + values,
              values,
              rtl ? CHART_WIDTH - medianWidth : 0,
              medianWidth,
              rtl ? CHART_WIDTH - ninetiethWidth : 0,
              ninetiethWidth));
    }
    return bars;
  }
}
