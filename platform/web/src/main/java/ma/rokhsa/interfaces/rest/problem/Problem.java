package ma.rokhsa.interfaces.rest.problem;

import jakarta.json.bind.annotation.JsonbProperty;
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
 * @param invalidParams the same, as RFC 9457 names them ({@code invalid-params}: {@code name} and
 *     {@code reason}): for every 400 that can name the parameter or field at fault
 * @param state for a conflict on a dossier: its current state
 * @param version for a conflict on a dossier: its current version (send it back in If-Match)
 * @param allowed for a conflict: the actions allowed now instead
 */
@JsonbPropertyOrder({
  "type",
  "title",
  "status",
  "detail",
  "instance",
  "id",
  "errors",
  "invalidParams",
  "state",
  "version",
  "allowed"
})
public record Problem(
    URI type,
    String title,
    int status,
    String detail,
    String instance,
    String id,
    List<FieldError> errors,
    @JsonbProperty("invalid-params") List<InvalidParam> invalidParams,
    String state,
    Long version,
    List<String> allowed) {

  /** The same problem, telling the current state of what it is about. */
  public Problem about(String currentState, Long currentVersion, List<String> allowedNow) {
    return new Problem(
        type,
        title,
        status,
        detail,
        instance,
        id,
        errors,
        invalidParams,
        currentState,
        currentVersion,
        allowedNow);
  }

  public static final String MEDIA_TYPE = "application/problem+json";

  /**
   * One invalid field.
   *
   * @param field where the error is, as a path into the request (for example {@code arg0.name})
   * @param message why it is invalid (for {@code dossier-incomplete}: in the caller's language)
   * @param fr for {@code dossier-incomplete}: why, in French (absent otherwise)
   * @param ar for {@code dossier-incomplete}: why, in Arabic (absent otherwise)
   */
  @JsonbPropertyOrder({"field", "message", "fr", "ar"})
  public record FieldError(String field, String message, String fr, String ar) {

    /** An invalid field, with why in one language. */
    public FieldError(String field, String message) {
      this(field, message, null, null);
    }
  }

  /**
   * One invalid parameter or field, as RFC 9457 suggests ({@code invalid-params}).
   *
   * @param name the query, path or header parameter, or the path of the field in the body
   * @param reason why it is invalid
   */
  public record InvalidParam(String name, String reason) {}

  /** The same problem, naming what is invalid (each field error, as {@code invalid-params}). */
  public Problem naming(List<InvalidParam> params) {
    return new Problem(
        type, title, status, detail, instance, id, errors, params, state, version, allowed);
  }
}
