package ma.rokhsa.interfaces.rest.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import ma.rokhsa.infrastructure.search.node.SearchNotReady;

/** This node's search index is being built: 503 with {@code Retry-After} until it is complete. */
@Provider
public class SearchNotReadyMapper implements ExceptionMapper<SearchNotReady> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(SearchNotReady e) {
    long seconds = Math.max(1, e.retryAfter().toSeconds());
    return ProblemResponses.builder(
            Problems.of(
                ProblemType.SEARCH_NOT_READY,
                503,
                e.getMessage(),
                ProblemResponses.path(uri),
                null,
                null))
        .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
        .build();
  }
}
