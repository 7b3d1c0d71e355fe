package ma.rokhsa.interfaces.rest.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;

/** Anything no other mapper explains is a server error: logged with its trace, never shown. */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

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
    Optional<String> conflict = transactionConflict(e);
    if (conflict.isPresent()) {
      // The database chose this transaction as the victim of a deadlock or a serialization
      // failure and rolled it back whole: nothing of the request was kept, and the same request
      // sent again will most likely pass. Not a fault of the platform's: no stack trace.
      LOG.info(
          "transaction rolled back by the database as a conflict (SQLSTATE "
              + conflict.get()
              + ") on "
              + path
              + "; answered 503 transaction-conflict");
      return ProblemResponses.builder(
              Problems.of(
                  ProblemType.TRANSACTION_CONFLICT,
                  503,
                  "The request collided with another one on the same data and nothing of it was"
                      + " kept: send it again.",
                  path,
                  null,
                  null))
          .header(HttpHeaders.RETRY_AFTER, "1")
          .build();
    }
    return ProblemResponses.builder(internalError(path, e)).build();
  }

  /**
   * The SQLSTATE of a transaction the database rolled back to break a deadlock or a serialization
   * failure (class 40: {@code 40001}, PostgreSQL's {@code 40P01}), if that is what {@code e} is.
   */
  static Optional<String> transactionConflict(Throwable e) {
    Throwable cause = e;
    for (int depth = 0; cause != null && depth < 32; depth++) {
      if (cause instanceof SQLException sql
          && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
        return Optional.of(sql.getSQLState());
      }
      cause = cause.getCause() == cause ? null : cause.getCause();
    }
    return Optional.empty();
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
