package ma.rokhsa.interfaces.rest.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ma.rokhsa.application.PlatformInfoService;
import ma.rokhsa.domain.model.installation.Installation;
import ma.rokhsa.infrastructure.config.BuildInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("version")
@RequestScoped
@Tag(name = "Platform")
public class VersionResource {

  @Inject PlatformInfoService platform;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The platform's version and the installation it serves")
  public VersionRepresentation version() {
    BuildInfo build = platform.build();
    Installation installation = platform.installation();
    return new VersionRepresentation(
        "Rokhsa",
        build.version(),
        build.builtAt(),
        build.pluginApiVersion(),
        installation.id(),
        installation.installedAt());
  }
}
