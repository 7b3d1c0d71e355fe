package ma.rokhsa.interfaces.rest.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import ma.rokhsa.application.SigningRefused;

/**
 * A signature not made: a wrong PIN 422 ({@code wrong-pin}), a key that cannot sign 403 ({@code
 * signing-key-unusable}: revoked, expired, locked…), a provider not available 503 ({@code
 * signature-provider-unavailable}), an account without the right to sign here now 403 ({@code
 * no-signing-right}: not a named signatory, an interim without a mandate in force). Never a 500;
 * the detail never holds the PIN.
 */
@Provider
public class SigningRefusedMapper implements ExceptionMapper<SigningRefused> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(SigningRefused e) {
    ProblemType type =
        switch (e.why()) {
          case WRONG_PIN -> ProblemType.WRONG_PIN;
          case KEY_UNUSABLE -> ProblemType.SIGNING_KEY_UNUSABLE;
          case PROVIDER_UNAVAILABLE -> ProblemType.SIGNATURE_PROVIDER_UNAVAILABLE;
          case NO_SIGNING_RIGHT -> ProblemType.NO_SIGNING_RIGHT;
        };
    return ProblemResponses.of(type, type.status(), e.getMessage(), uri);
  }
}
