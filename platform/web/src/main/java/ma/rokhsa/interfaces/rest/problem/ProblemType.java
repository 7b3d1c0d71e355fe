package ma.rokhsa.interfaces.rest.problem;

import java.net.URI;

/**
 * The kinds of problem the platform reports. Each has a stable type URI under {@value #BASE} that
 * clients may switch on; the list is documented in {@code docs/errors.md}. Add types, never rename
 * one.
 */
public enum ProblemType {
  BAD_REQUEST("bad-request", "Bad request", 400),
  MALFORMED_BODY("malformed-body", "The request body cannot be read", 400),
  VALIDATION_FAILED("validation-failed", "The request is not valid", 400),
  UNAUTHORIZED("unauthorized", "Authentication is required", 401),
  FORBIDDEN("forbidden", "Not allowed", 403),
  NOT_FOUND("not-found", "Not found", 404),
  METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
  NOT_ACCEPTABLE("not-acceptable", "No acceptable representation", 406),
  CONFLICT("conflict", "Conflict with the current state", 409),
  PAYLOAD_TOO_LARGE("payload-too-large", "The request is too large", 413),
  UPLOAD_QUOTA_EXCEEDED("upload-quota-exceeded", "The account's upload quota is used up", 413),
  URI_TOO_LONG("uri-too-long", "The URL is too long", 414),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
  INVALID_CONFIGURATION("invalid-configuration", "The configuration is not valid", 422),
  UNTRUSTED_PLUGIN("untrusted-plugin", "The plugin is not signed by a trusted vendor", 422),
  HTTP_ERROR("http-error", "The request failed", 400),
  DOSSIER_INCOMPLETE("dossier-incomplete", "The dossier is incomplete", 422),
  DOSSIER_CHANGED("dossier-changed", "The dossier changed meanwhile", 409),
  PLUGIN_FAILED("plugin-failed", "A plugin failed", 502),
  PROCEDURE_UNAVAILABLE("procedure-unavailable", "The procedure is not available", 503),
  PROCEDURE_NOT_OFFERABLE(
      "procedure-not-offerable", "The procedure cannot be offered by this tenant", 422),
  WRONG_PIN("wrong-pin", "The PIN does not unlock the signature key", 422),
  SIGNING_KEY_UNUSABLE("signing-key-unusable", "The signature key cannot sign", 403),
  SIGNATURE_PROVIDER_UNAVAILABLE(
      "signature-provider-unavailable", "The signature provider is not available", 503),
  NO_SIGNING_RIGHT("no-signing-right", "The account may not sign for this tenant now", 403),
  SEARCH_NOT_READY("search-not-ready", "The search index is being built", 503),
  SIGNING_NOT_CONFIGURED(
      "signing-not-configured", "This node is not configured to check signatures", 503),
  TOO_MANY_REQUESTS("too-many-requests", "Too many requests: try again later", 429),
  PASSWORD_CHANGE_REQUIRED(
      "password-change-required", "The password must be changed before signing in", 403),
  ACCOUNT_DISABLED("account-disabled", "The account is disabled", 403),
  SECOND_FACTOR_REQUIRED(
      "second-factor-required", "The code of the account's second factor is required", 401),
  SECOND_FACTOR_ENROLLMENT_REQUIRED(
      "second-factor-enrollment-required",
      "A second factor must be enrolled before signing in",
      403),
  TRANSACTION_CONFLICT(
      "transaction-conflict", "The request collided with another and was rolled back", 503),
  INTERNAL_ERROR("internal-error", "Internal error", 500),
  NODE_NOT_SERVING("node-not-serving", "This node is starting or stopping", 503),
  SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable", 503);

  /** Where problem types live; each type's URI is this base followed by its slug. */
  public static final String BASE = "https://rokhsa.ma/problems/";

  private final URI uri;
  private final String title;
  private final int status;

  ProblemType(String slug, String title, int status) {
    this.uri = URI.create(BASE + slug);
    this.title = title;
    this.status = status;
  }

  public URI uri() {
    return uri;
  }

  public String title() {
    return title;
  }

  /** The status this type is usually reported with. */
  public int status() {
    return status;
  }

  /** Whether this type says no more than its HTTP status (the others name a specific case). */
  private boolean generic() {
    return switch (this) {
      case BAD_REQUEST,
          UNAUTHORIZED,
          FORBIDDEN,
          NOT_FOUND,
          METHOD_NOT_ALLOWED,
          NOT_ACCEPTABLE,
          CONFLICT,
          PAYLOAD_TOO_LARGE,
          URI_TOO_LONG,
          UNSUPPORTED_MEDIA_TYPE,
          HTTP_ERROR,
          INTERNAL_ERROR,
          SERVICE_UNAVAILABLE ->
          true;
      default -> false;
    };
  }

  /** The generic type for an HTTP status that no more specific type explains. */
  public static ProblemType forStatus(int status) {
    for (ProblemType type : values()) {
      if (type.status == status && type.generic()) {
        return type;
      }
    }
    return status >= 500 ? INTERNAL_ERROR : HTTP_ERROR;
  }
}
