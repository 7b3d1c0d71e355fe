package ma.rokhsa.interfaces.rest.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import ma.rokhsa.application.NotFound;

/** Something named in the request does not exist: 404. */
@Provider
public class NotFoundMapper implements ExceptionMapper<NotFound> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(NotFound e) {
    return ProblemResponses.of(ProblemType.NOT_FOUND, 404, e.getMessage() + ".", uri);
  }
}
