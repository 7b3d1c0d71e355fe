package ma.rokhsa.interfaces.rest.problem;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request body that cannot be read as the expected JSON is the client's error: 400. */
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
    return ProblemResponses.builder(UnexpectedExceptionMapper.internalError(path, e)).build();
  }
}
