package ma.rokhsa.interfaces.rest.report;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import ma.rokhsa.application.DelayReport;
import ma.rokhsa.application.DelayReports;
import ma.rokhsa.application.ReportPeriod;
import ma.rokhsa.domain.model.identity.Role;
import ma.rokhsa.interfaces.rest.ParameterRefused;
import ma.rokhsa.interfaces.rest.security.Allowed;
import ma.rokhsa.interfaces.rest.security.CallerPrincipal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The dashboard of delays per commune and procedure (ADR 0036). The scope is the caller's, drawn by
 * {@link DelayReports} from the tenants the caller may read, never from a parameter.
 */
@Path("reports/delays")
@RequestScoped
@Tag(name = "Reports")
@Allowed({
  Role.GUICHET_AGENT,
  Role.COMMISSION_MEMBER,
  Role.SIGNATORY,
  Role.TENANT_ADMIN,
  Role.PROVINCIAL_SUPERVISOR,
  Role.REGIONAL_SUPERVISOR,
  Role.NATIONAL_ADMIN
})
public class DelayReportResource {

  @Inject DelayReports reports;

  @GET
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  @Operation(
      summary = "Delays per commune and procedure",
      description =
          "Over the dossiers deposited from `from` to `to` (YYYY-MM-DD, both included, at most 366"
              + " days; default the twelve months up to today), per commune and procedure the"
              + " caller may see (national admin: all; regional or provincial supervisor: the"
              + " territory; an agent: the commune): dossiers deposited, decided, the median and"
              + " 90th percentile of the working days from deposit to decision (the applicant's"
              + " turns, such as complements, not counted) and the open dossiers past their due"
              + " date. format=json (default) or csv (a file, UTF-8, with a header line).")
  public Response delays(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("format") String format,
      @Context SecurityContext security) {
    ReportPeriod period;
    DelayReportParameters.Format as;
    try {
      as = DelayReportParameters.format(format);
      period = DelayReportParameters.period(from, to, reports.defaultPeriod());
    } catch (ParameterRefused refused) {
      throw refused.toInvalidParameter();
    }
    DelayReport report = reports.report(CallerPrincipal.of(security), period);
    if (as == DelayReportParameters.Format.CSV) {
      return Response.ok(DelayReportCsv.of(report), DelayReportCsv.MEDIA_TYPE)
          .header(HttpHeaders.CONTENT_DISPOSITION, DelayReportCsv.disposition(report))
          .build();
    }
    return Response.ok(DelayReportRepresentation.of(report), MediaType.APPLICATION_JSON_TYPE)
        .build();
  }
}
