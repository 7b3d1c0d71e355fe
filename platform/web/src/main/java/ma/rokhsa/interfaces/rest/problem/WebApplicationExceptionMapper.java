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
          Problems.of(type, status, detail(status, e, path), path, null, status >= 500 ? e : null);
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

  private static String detail(int status, WebApplicationException e, String path) {
    return switch (status) {
      case 401 -> "Sign in first (a bearer token), or check the credentials.";
      case 403 ->
          e.getMessage() != null && !e.getMessage().startsWith("HTTP ")
              ? e.getMessage()
              : "Not allowed.";
      case 404 -> "There is nothing at " + path + ".";
      case 405 -> "This method is not allowed on " + path + ".";
      case 406 -> "None of the media types in Accept can be produced for " + path + ".";
      case 415 -> "This media type is not accepted by " + path + ".";
      default -> status >= 500 ? "The request could not be completed." : e.getMessage();
    };
  }
}
