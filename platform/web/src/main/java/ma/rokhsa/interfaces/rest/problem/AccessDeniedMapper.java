package ma.rokhsa.interfaces.rest.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import ma.rokhsa.application.AccessDenied;

/** The caller may see this but not do it: 403 with the reason. */
@Provider
public class AccessDeniedMapper implements ExceptionMapper<AccessDenied> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(AccessDenied e) {
    return ProblemResponses.of(ProblemType.FORBIDDEN, 403, e.getMessage(), uri);
  }
}
