package ma.rokhsa.interfaces.rest.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Errors that JAX-RS raises itself (no such resource, method not allowed, unsupported media type…)
 * and those resources throw on purpose, as problem details. Headers that tell the client how to
 * recover ({@code Allow}, {@code WWW-Authenticate}, {@code Retry-After}) are kept.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  private static final List<String> KEPT_HEADERS =
      List.of(HttpHeaders.ALLOW, HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.RETRY_AFTER);

  @Context UriInfo uri;

  @Override
  public Response toResponse(WebApplicationException e) {
    Response original = e.getResponse();
    int status = original.getStatus();
    String path = uri.getRequestUri().getRawPath();
    Problem problem;
    if (status == 400 && ProblemResponses.isMalformedBody(e)) {
      problem =
          Problems.of(ProblemType.MALFORMED_BODY, ProblemResponses.MALFORMED_BODY_DETAIL, path);
    } else {
      ProblemType type = ProblemType.forStatus(status);
      problem =
          Problems.of(
              type,
              status,
              Problems.detailFor(status, path, e.getMessage()),
              path,
              null,
              status >= 500 ? e : null);
    }
    Response.ResponseBuilder response = ProblemResponses.builder(problem);
    for (String header : KEPT_HEADERS) {
      Object value = original.getHeaderString(header);
      if (value != null) {
        response.header(header, value);
      }
    }
    return response.build();
  }
}
