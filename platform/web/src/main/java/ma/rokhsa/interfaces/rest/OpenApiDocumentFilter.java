package ma.rokhsa.interfaces.rest;

import java.util.List;
import ma.rokhsa.infrastructure.config.BuildInfo;
import ma.rokhsa.infrastructure.config.RokhsaSettings;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Completes the generated OpenAPI document with what annotations cannot hold: the build's version
 * and the public address of this installation. Registered with {@code mp.openapi.filter}.
 */
public class OpenApiDocumentFilter implements OASFilter {

  @Override
  public void filterOpenAPI(OpenAPI openApi) {
    openApi.getInfo().setVersion(new BuildInfo().version());
    String publicUrl = RokhsaSettings.current().publicUrl().toString();
    openApi.setServers(
        List.of(
            OASFactory.createServer()
                .url(publicUrl.substring(0, publicUrl.length() - 1))
                .description("This installation")));
  }
}
