package ma.rokhsa.interfaces.rest.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import ma.rokhsa.application.TooManyRequests;

/** Throttled (sign-in attempts, busy password hashing): 429 with {@code Retry-After} in seconds. */
@Provider
public class TooManyRequestsMapper implements ExceptionMapper<TooManyRequests> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(TooManyRequests e) {
    return ProblemResponses.builder(
            Problems.of(
                ProblemType.TOO_MANY_REQUESTS,
                429,
                e.getMessage(),
                ProblemResponses.path(uri),
                null,
                null))
        .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds()))
        .build();
  }
}
