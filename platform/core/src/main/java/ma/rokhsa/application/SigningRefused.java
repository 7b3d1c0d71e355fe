package ma.rokhsa.application;

/**
 * A signature was not made, for a reason the signatory or the operators can act on — never an
 * internal error. Interfaces answer {@link Why#WRONG_PIN} 422 ({@code wrong-pin}), {@link
 * Why#KEY_UNUSABLE} 403 ({@code signing-key-unusable}), {@link Why#PROVIDER_UNAVAILABLE} 503
 * ({@code signature-provider-unavailable}), {@link Why#NO_SIGNING_RIGHT} 403 ({@code
 * no-signing-right}). The message never contains the PIN.
 */
public class SigningRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why. */
  public enum Why {
    /**
     * The PIN does not unlock the key: the signatory may try again (the message says how often).
     */
    WRONG_PIN,
    /**
     * The key cannot sign: revoked, expired, not yet certified, locked, or unknown to its provider.
     */
    KEY_UNUSABLE,
    /** Its signature provider is not started, not configured or not answering: try later. */
    PROVIDER_UNAVAILABLE,
    /**
     * The account may not sign for this tenant now: it is not a named signatory of the tenant, or
     * an interim signatory with no mandate in force.
     */
    NO_SIGNING_RIGHT
  }

  private final Why why;

  public SigningRefused(Why why, String message, Throwable cause) {
    super(message, cause);
    this.why = why;
  }

  public Why why() {
    return why;
  }
}
