package ma.rokhsa.interfaces.rest.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import ma.rokhsa.infrastructure.signing.SigningNotConfigured;

/** The node has no trust anchors to check signatures with: 503, an operator must configure them. */
@Provider
public class SigningNotConfiguredMapper implements ExceptionMapper<SigningNotConfigured> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(SigningNotConfigured e) {
    return ProblemResponses.of(ProblemType.SIGNING_NOT_CONFIGURED, 503, e.getMessage(), uri);
  }
}
