package ma.rokhsa.interfaces.rest.problem;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A request body that cannot be read as the expected JSON, or a request header that cannot be
 * parsed, is the client's error: 400.
 */
@Provider
public class MalformedBodyMapper implements ExceptionMapper<ProcessingException> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(ProcessingException e) {
    String path = ProblemResponses.path(uri);
    if (ProblemResponses.isMalformedBody(e)) {
      return ProblemResponses.builder(
              Problems.of(ProblemType.MALFORMED_BODY, ProblemResponses.MALFORMED_BODY_DETAIL, path))
          .build();
    }
    if (e.getClass().getName().endsWith("HeaderValueException")) {
      // A request header JAX-RS cannot parse (a Content-Type such as "application/json;;;").
      return ProblemResponses.builder(
              Problems.of(
                  ProblemType.BAD_REQUEST,
                  400,
                  "A header of the request cannot be read (Content-Type, Accept…).",
                  path,
                  null,
                  null))
          .build();
    }
    return ProblemResponses.builder(UnexpectedExceptionMapper.internalError(path, e)).build();
  }
}
