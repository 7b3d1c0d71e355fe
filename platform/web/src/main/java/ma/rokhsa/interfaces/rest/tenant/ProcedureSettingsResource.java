package ma.rokhsa.interfaces.rest.tenant;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import ma.rokhsa.application.TenantAccess;
import ma.rokhsa.application.TenantProcedureService;
import ma.rokhsa.domain.model.identity.Role;
import ma.rokhsa.domain.model.tenant.TenantId;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The procedures a tenant offers, as its admins set them: the national admin in any tenant, a
 * tenant admin in its own (everyone else who may read the tenant reads them). A choice made here is
 * kept in the database and wins over {@code tenant-config/} for its procedure until it is reset;
 * each change is recorded in the tenant's audit trail.
 */
@Path("tenants/{tenantId}/procedure-settings")
@RequestScoped
@TenantBound
@Tag(name = "Tenants")
@Produces(MediaType.APPLICATION_JSON)
public class ProcedureSettingsResource {

  @Inject RequestTenant request;
  @Inject TenantProcedureService procedures;
  @Inject HttpServletRequest http;

  private TenantId tenant;
  private TenantAccess access;

  @PostConstruct
  void resolved() {
    tenant = request.tenant().id();
    access = request.access();
  }

  @GET
  @Operation(
      summary = "Every procedure that concerns this tenant: enabled or not, offered or not, why",
      description =
          "The procedures started plugins offer for its kind of tenant, and those tenant-config/"
              + " or its admins named. 'choice' is an admin's, which wins over 'configured'.")
  public List<ProcedureSettingRepresentation> settings() {
    return procedures.settings(tenant).stream().map(ProcedureSettingRepresentation::of).toList();
  }

  @GET
  @Path("{procedureId}")
  @Operation(summary = "One procedure's setting in this tenant")
  public ProcedureSettingRepresentation setting(@PathParam("procedureId") String procedureId) {
    return ProcedureSettingRepresentation.of(procedures.setting(tenant, procedureId));
  }

  @POST
  @Path("{procedureId}/enable")
  @Operation(
      summary = "Offer a procedure in this tenant, whatever tenant-config/ says, until reset",
      description =
          "Tenant admins and the national admin. 404 if no started plugin offers it; 422"
              + " procedure-not-offerable if it is not for this kind of tenant. Audited.")
  public ProcedureSettingRepresentation enable(@PathParam("procedureId") String procedureId) {
    access.require(Role.TENANT_ADMIN);
    return ProcedureSettingRepresentation.of(
        procedures.enable(tenant, procedureId, request.caller().username(), http.getRemoteAddr()));
  }

  @POST
  @Path("{procedureId}/disable")
  @Operation(
      summary =
          "Stop offering a procedure in this tenant, whatever tenant-config/ says, until reset",
      description =
          "Tenant admins and the national admin. No new draft or deposit; dossiers already"
              + " deposited go on. Audited.")
  public ProcedureSettingRepresentation disable(@PathParam("procedureId") String procedureId) {
    access.require(Role.TENANT_ADMIN);
    return ProcedureSettingRepresentation.of(
        procedures.disable(tenant, procedureId, request.caller().username(), http.getRemoteAddr()));
  }

  @POST
  @Path("{procedureId}/reset")
  @Operation(
      summary = "Forget the admins' choice about a procedure: tenant-config/ decides again",
      description = "Tenant admins and the national admin. Audited when there was a choice.")
  public ProcedureSettingRepresentation reset(@PathParam("procedureId") String procedureId) {
    access.require(Role.TENANT_ADMIN);
    return ProcedureSettingRepresentation.of(
        procedures.reset(tenant, procedureId, request.caller().username(), http.getRemoteAddr()));
  }
}
