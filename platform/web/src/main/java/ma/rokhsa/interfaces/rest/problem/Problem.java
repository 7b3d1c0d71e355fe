package ma.rokhsa.interfaces.rest.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail, as sent to clients.
 *
 * @param type stable URI naming the kind of problem
 * @param title short, human-readable summary of the type
 * @param status the HTTP status
 * @param detail what went wrong in this occurrence
 * @param instance the path of the request that failed
 * @param id identifies this occurrence in the server's logs
 * @param errors for {@code validation-failed}: each invalid field and why
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "id", "errors"})
public record Problem(
    URI type,
    String title,
    int status,
    String detail,
    String instance,
    String id,
    List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /**
   * One invalid field.
   *
   * @param field where the error is, as a path into the request (for example {@code arg0.name})
   * @param message why it is invalid
   */
  public record FieldError(String field, String message) {}
}
