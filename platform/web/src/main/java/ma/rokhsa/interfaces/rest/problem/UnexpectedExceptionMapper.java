package ma.rokhsa.interfaces.rest.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Anything no other mapper explains is a server error: logged with its trace, never shown. */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(Throwable e) {
    String path = ProblemResponses.path(uri);
    if (ProblemResponses.isMalformedBody(e)) {
      // A body the parser gave up on, surfacing unwrapped: the client's error, not ours.
      return ProblemResponses.builder(
              Problems.of(ProblemType.MALFORMED_BODY, ProblemResponses.MALFORMED_BODY_DETAIL, path))
          .build();
    }
    return ProblemResponses.builder(internalError(path, e)).build();
  }

  static Problem internalError(String path, Throwable e) {
    return Problems.of(
        ProblemType.INTERNAL_ERROR,
        500,
        "An unexpected error occurred. Quote the id when you report it.",
        path,
        null,
        e);
  }
}
