package ma.rokhsa.interfaces.rest.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import ma.rokhsa.application.ProcedureCatalog;
import ma.rokhsa.domain.model.identity.Role;
import ma.rokhsa.interfaces.rest.security.Allowed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("admin")
@RequestScoped
@Tag(name = "Administration")
@Allowed(Role.NATIONAL_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class PluginAdminResource {

  @Inject ProcedureCatalog catalog;

  @GET
  @Path("plugins")
  @Operation(summary = "Every plugin found: started, disabled or failed, with the reason")
  public List<ProcedureCatalog.PluginStatus> plugins() {
    return catalog.plugins();
  }

  @GET
  @Path("procedures")
  @Operation(summary = "The procedures the started plugins offer")
  public List<ProcedureRepresentation> procedures() {
    return catalog.procedures().stream().map(ProcedureRepresentation::of).toList();
  }
}
