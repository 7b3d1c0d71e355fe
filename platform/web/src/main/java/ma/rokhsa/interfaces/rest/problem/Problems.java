package ma.rokhsa.interfaces.rest.problem;

import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes problems and logs each one under its id, so that what a client reports can be found in the
 * logs. Server errors are logged with their stack trace; the client never sees it.
 */
public final class Problems {

  private static final Logger LOG = Logger.getLogger(Problems.class.getName());

  private Problems() {}

  /**
   * A problem of the given type for the request at {@code path}, logged; {@code cause} may be null.
   */
  public static Problem of(
      ProblemType type,
      int status,
      String detail,
      String path,
      List<Problem.FieldError> errors,
      Throwable cause) {
    String id = UUID.randomUUID().toString();
    Problem problem =
        new Problem(
            type.uri(),
            type.title(),
            status,
            detail,
            path,
            id,
            errors,
            errors == null || status != 400 ? null : invalidParams(errors),
            null,
            null,
            null);
    if (status >= 500 && status != 503) {
      LOG.log(
          Level.SEVERE, "Problem " + id + " (" + status + ") on " + path + ": " + detail, cause);
    } else {
      LOG.info(
          () ->
              "Problem " + id + " (" + status + " " + type.uri() + ") on " + path + ": " + detail);
    }
    return problem;
  }

  private static List<Problem.InvalidParam> invalidParams(List<Problem.FieldError> errors) {
    return errors.stream().map(e -> new Problem.InvalidParam(e.field(), e.message())).toList();
  }

  /**
   * What to tell a client about an HTTP status when nothing more specific is known; {@code message}
   * is the exception's own message, used when it says more than "HTTP 400".
   */
  public static String detailFor(int status, String path, String message) {
    boolean informative = message != null && !message.isBlank() && !message.startsWith("HTTP ");
    return switch (status) {
      case 401 ->
          informative ? message : "Sign in first (a bearer token), or check the credentials.";
      case 404 -> "There is nothing at " + path + ".";
      case 405 -> "This method is not allowed on " + path + ".";
      case 406 -> "None of the media types in Accept can be produced for " + path + ".";
      case 413 -> informative ? message : "The request is larger than its bound.";
      case 414 -> informative ? message : "The URL is longer than its bound.";
      case 415 -> "This media type is not accepted by " + path + ".";
      default -> {
        if (status >= 500) {
          yield "An unexpected error occurred. Quote the id when you report it.";
        }
        yield informative ? message : ProblemType.forStatus(status).title() + ".";
      }
    };
  }

  /** A problem of the type's usual status. */
  public static Problem of(ProblemType type, String detail, String path) {
    return of(type, type.status(), detail, path, null, null);
  }
}
