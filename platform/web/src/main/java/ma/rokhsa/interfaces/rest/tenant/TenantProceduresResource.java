package ma.rokhsa.interfaces.rest.tenant;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import ma.rokhsa.application.NotFound;
import ma.rokhsa.application.TenantProcedureService;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.interfaces.rest.admin.ProcedureRepresentation;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What a tenant offers, read-only. Open to applicants and architects, who must see what a commune
 * offers before they deposit there — but only in a tenant that takes deposits (ACTIVE); anyone who
 * may read the tenant's data sees it whatever its status. Its admins change it through {@link
 * ProcedureSettingsResource}.
 */
@Path("tenants/{tenantId}/procedures")
@RequestScoped
@TenantBound
@OpenToApplicants
@Tag(name = "Tenants")
@Produces(MediaType.APPLICATION_JSON)
public class TenantProceduresResource {

  @Inject RequestTenant request;
  @Inject TenantProcedureService procedures;

  @GET
  @Operation(
      summary = "The procedures this tenant offers",
      description =
          "Those enabled for it (in tenant-config/, or by its admins through procedure-settings),"
              + " offered by a started plugin, for its kind of tenant. Applicants and architects"
              + " see them in any tenant that takes deposits (404 elsewhere).")
  public List<ProcedureRepresentation> offered() {
    Tenant tenant = request.tenant();
    if (!request.access().read() && !tenant.status().acceptsDeposits()) {
      throw new NotFound("tenant " + tenant.id() + " does not take deposits");
    }
    return procedures.offered(tenant.id()).stream().map(ProcedureRepresentation::of).toList();
  }
}
