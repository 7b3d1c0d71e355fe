package ma.rokhsa.interfaces.rest.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import ma.rokhsa.domain.model.document.ContentTooLarge;

/** An upload past its size limit, refused by the content store: 413, the limit in the detail. */
@Provider
public class ContentTooLargeMapper implements ExceptionMapper<ContentTooLarge> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(ContentTooLarge e) {
    return ProblemResponses.of(ProblemType.PAYLOAD_TOO_LARGE, 413, e.getMessage(), uri);
  }
}
