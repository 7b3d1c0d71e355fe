package ma.rokhsa.interfaces.rest.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import ma.rokhsa.application.PluginFailure;

/** A plugin's code failed while handling the request: 502, nothing changed. */
@Provider
public class PluginFailureMapper implements ExceptionMapper<PluginFailure> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(PluginFailure e) {
    return ProblemResponses.of(ProblemType.PLUGIN_FAILED, 502, e.getMessage(), uri);
  }
}
