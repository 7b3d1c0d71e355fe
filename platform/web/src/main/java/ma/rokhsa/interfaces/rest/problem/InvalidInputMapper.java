package ma.rokhsa.interfaces.rest.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import ma.rokhsa.application.InvalidInput;

/** What the caller sent cannot be used: 400 with the reason. */
@Provider
public class InvalidInputMapper implements ExceptionMapper<InvalidInput> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(InvalidInput e) {
    return ProblemResponses.of(ProblemType.BAD_REQUEST, 400, e.getMessage(), uri);
  }
}
