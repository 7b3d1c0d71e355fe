package ma.rokhsa.interfaces.rest.problem;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Turns problems into JAX-RS responses. */
public final class ProblemResponses {

  private ProblemResponses() {}

  public static Response.ResponseBuilder builder(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
  }

  /** The response for a problem of this type about the request, with no field errors. */
  public static Response of(ProblemType type, int status, String detail, UriInfo uri) {
    return builder(Problems.of(type, status, detail, ProblemResponses.path(uri), null, null))
        .build();
  }

  /**
   * The path the problem is about, as the client sent it; never fails (a mapper that throws turns
   * one problem into another).
   */
  public static String path(UriInfo uri) {
    try {
      return uri.getRequestUri().getRawPath();
    } catch (RuntimeException unavailable) {
      return null;
    }
  }

  /**
   * Whether the failure comes from a request body that cannot be read: JSON that is not
   * well-formed, or a multipart body whose parts cannot be found (MIME parsing, named to keep the
   * parser out of the compile path).
   */
  static boolean isMalformedBody(Throwable e) {
    int depth = 0;
    for (Throwable t = e; t != null && depth < 20; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JsonbException
          || t instanceof JsonException
          || t.getClass().getName().endsWith("MIMEParsingException")) {
        return true;
      }
      depth++;
    }
    return false;
  }

  static final String MALFORMED_BODY_DETAIL =
      "The request body is not well-formed JSON of the expected shape.";
}
