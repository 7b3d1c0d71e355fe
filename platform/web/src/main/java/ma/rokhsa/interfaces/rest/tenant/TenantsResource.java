package ma.rokhsa.interfaces.rest.tenant;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ResourceContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Optional;
import ma.rokhsa.application.AccessDenied;
import ma.rokhsa.application.AccountService;
import ma.rokhsa.application.Caller;
import ma.rokhsa.application.SignatureKeyService;
import ma.rokhsa.application.TenantAccess;
import ma.rokhsa.application.TenantDirectory;
import ma.rokhsa.domain.model.identity.Role;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.domain.model.tenant.TenantKind;
import ma.rokhsa.interfaces.rest.security.CallerPrincipal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Entry to every tenant's data. {@link #tenant} resolves the tenant named in the path and the
 * caller's access to it: a tenant the caller may not see is answered 404, exactly as one that does
 * not exist, so that its existence is not revealed; read-only callers (supervisors) get 403 on any
 * change. Everything beneath receives the resolved {@link TenantAccess}.
 */
@Path("tenants")
@RequestScoped
@Tag(name = "Tenants")
public class TenantsResource {

  @Inject TenantDirectory directory;
  @Inject AccountService accounts;
  @Inject SignatureKeyService keys;
  @Context ResourceContext resources;

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

  @Path("{tenantId}")
  public TenantResource tenant(
      @PathParam("tenantId") String id,
      @Context SecurityContext security,
      @Context Request request) {
    Caller caller = CallerPrincipal.of(security);
    TenantId tenantId;
    try {
      tenantId = TenantId.of(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException();
    }
    Tenant tenant = directory.find(tenantId).orElseThrow(NotFoundException::new);
    TenantAccess access = TenantAccess.of(caller, tenant);
    if (!access.read()) {
      throw new NotFoundException();
    }
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      access.requireWrite();
    }
    return resources.initResource(new TenantResource(tenant, access, caller, accounts, keys));
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
