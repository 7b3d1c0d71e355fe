package ma.rokhsa.interfaces.rest.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import ma.rokhsa.application.SecondFactorEnrollmentRequired;

/** The password is right, the second factor's step is missing: 403 (ADR 0032). */
@Provider
public class SecondFactorEnrollmentRequiredMapper
    implements ExceptionMapper<SecondFactorEnrollmentRequired> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(SecondFactorEnrollmentRequired e) {
    return ProblemResponses.of(
        ProblemType.SECOND_FACTOR_ENROLLMENT_REQUIRED, 403, e.getMessage(), uri);
  }
}
