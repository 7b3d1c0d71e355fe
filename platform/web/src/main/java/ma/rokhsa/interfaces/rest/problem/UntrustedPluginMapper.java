package ma.rokhsa.interfaces.rest.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import ma.rokhsa.application.UntrustedPlugin;

/** A plugin whose signature is missing, tampered or untrusted: 422 with the reason. */
@Provider
public class UntrustedPluginMapper implements ExceptionMapper<UntrustedPlugin> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(UntrustedPlugin e) {
    return ProblemResponses.of(ProblemType.UNTRUSTED_PLUGIN, 422, e.getMessage(), uri);
  }
}
