package ma.rokhsa.interfaces.rest.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import ma.rokhsa.application.PasswordChangeRequired;

/** Right credentials, but a password reset by an admin must be replaced first: 403. */
@Provider
public class PasswordChangeRequiredMapper implements ExceptionMapper<PasswordChangeRequired> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(PasswordChangeRequired e) {
    return ProblemResponses.of(ProblemType.PASSWORD_CHANGE_REQUIRED, 403, e.getMessage(), uri);
  }
}
