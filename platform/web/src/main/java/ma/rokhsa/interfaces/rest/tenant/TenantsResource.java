package ma.rokhsa.interfaces.rest.tenant;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Optional;
import ma.rokhsa.application.AccessDenied;
import ma.rokhsa.application.Caller;
import ma.rokhsa.application.TenantAccess;
import ma.rokhsa.application.TenantDirectory;
import ma.rokhsa.domain.model.identity.Role;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.domain.model.tenant.TenantKind;
import ma.rokhsa.interfaces.rest.security.CallerPrincipal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenants a caller works in or supervises; each one's data is under {@link TenantResource}. */
@Path("tenants")
@RequestScoped
@Tag(name = "Tenants")
public class TenantsResource {

  @Inject TenantDirectory directory;

  /**
   * A tenant the caller can see.
   *
   * @param id tenant id
   * @param kind its kind
   * @param nameFr name in French
   * @param nameAr name in Arabic
   * @param status its rollout status
   * @param access READ (supervisor) or the roles held there
   */
  public record VisibleTenant(
      String id, String kind, String nameFr, String nameAr, String status, List<String> access) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "The tenants the caller works in or supervises",
      description = "A supervisor sees its province or region and everything beneath it.")
  public List<VisibleTenant> visible(@Context SecurityContext security) {
    Caller caller = CallerPrincipal.of(security);
    if (caller.holds(Role.NATIONAL_ADMIN)) {
      throw new AccessDenied("the national admin lists tenants with /api/admin/tenants");
    }
    return caller.grants().stream()
        .flatMap(g -> g.tenant().stream())
        .distinct()
        .flatMap(root -> directory.list(Optional.of(root), List.<TenantKind>of()).stream())
        .distinct()
        .map(tenant -> visible(caller, tenant))
        .toList();
  }

  private static VisibleTenant visible(Caller caller, Tenant tenant) {
    TenantAccess access = TenantAccess.of(caller, tenant);
    List<String> roles =
        access.roles().isEmpty()
            ? List.of("READ")
            : access.roles().stream().map(Enum::name).toList();
    return new VisibleTenant(
        tenant.id().value(),
        tenant.kind().name(),
        tenant.nameFr(),
        tenant.nameAr(),
        tenant.status().name(),
        roles);
  }
}
