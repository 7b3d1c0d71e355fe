package ma.rokhsa.interfaces.rest.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import ma.rokhsa.application.SecondFactorRequired;

/** The password is right, the second factor's step is missing: 401 (ADR 0032). */
@Provider
public class SecondFactorRequiredMapper implements ExceptionMapper<SecondFactorRequired> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(SecondFactorRequired e) {
    return ProblemResponses.of(ProblemType.SECOND_FACTOR_REQUIRED, 401, e.getMessage(), uri);
  }
}
