package ma.rokhsa.interfaces.rest.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import ma.rokhsa.application.UnsupportedContent;

/** A file whose bytes are not of a type its document accepts: 415, nothing stored. */
@Provider
public class UnsupportedContentMapper implements ExceptionMapper<UnsupportedContent> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(UnsupportedContent e) {
    return ProblemResponses.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, 415, e.getMessage(), uri);
  }
}
