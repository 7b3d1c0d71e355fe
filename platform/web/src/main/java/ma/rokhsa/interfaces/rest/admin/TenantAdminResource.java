package ma.rokhsa.interfaces.rest.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import ma.rokhsa.application.TenantConfigReport;
import ma.rokhsa.application.TenantConfigService;
import ma.rokhsa.application.TenantDirectory;
import ma.rokhsa.domain.model.identity.Role;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.domain.model.tenant.TenantKind;
import ma.rokhsa.interfaces.rest.RequestValues;
import ma.rokhsa.interfaces.rest.security.Allowed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("admin")
@RequestScoped
@Allowed(Role.NATIONAL_ADMIN)
@Tag(name = "Administration")
@Produces(MediaType.APPLICATION_JSON)
public class TenantAdminResource {

  @Inject TenantDirectory directory;
  @Inject TenantConfigService tenantConfig;
  @Inject ma.rokhsa.interfaces.rest.security.ClientAddress clientAddress;
  @jakarta.ws.rs.core.Context jakarta.servlet.http.HttpServletRequest http;

  @GET
  @Path("tenants")
  @Operation(
      summary = "Tenants, all or within a territory",
      description =
          "within: a tenant id (region 06, province 06.141…): that tenant and every tenant beneath"
              + " it. kind: keep only these kinds (repeatable).")
  public List<TenantRepresentation> list(
      @QueryParam("within") String within, @QueryParam("kind") List<String> kinds) {
    Optional<TenantId> root =
        Optional.ofNullable(within).filter(s -> !s.isBlank()).map(RequestValues::tenantId);
    EnumSet<TenantKind> kindSet = EnumSet.noneOf(TenantKind.class);
    for (String kind : kinds) {
      kindSet.add(RequestValues.enumValue(TenantKind.class, "kind", kind));
    }
    if (root.isPresent() && directory.find(root.get()).isEmpty()) {
      throw new NotFoundException();
    }
    return directory.list(root, kindSet).stream().map(TenantRepresentation::of).toList();
  }

  @GET
  @Path("tenants/{id}")
  @Operation(summary = "One tenant")
  public TenantRepresentation get(@PathParam("id") String id) {
    return directory
        .find(RequestValues.tenantId(id))
        .map(TenantRepresentation::of)
        .orElseThrow(NotFoundException::new);
  }

  @POST
  @Path("tenant-config/reload")
  @Operation(
      summary = "Apply tenant-config/ again",
      description =
          "Idempotent. Answers what changed; a broken configuration is refused whole (422, each"
              + " problem with its file and line) and nothing is applied.")
  public TenantConfigReport reload(
      @jakarta.ws.rs.core.Context jakarta.ws.rs.core.SecurityContext security) {
    return tenantConfig.reload(
        ma.rokhsa.interfaces.rest.security.CallerPrincipal.of(security).username(),
        clientAddress.of(http));
  }
}
