package ma.rokhsa.plugin.api.signature;

import ma.rokhsa.plugin.api.Incubating;

/**
 * A provider could not do what was asked, and why: the platform answers the signatory accordingly
 * (a wrong PIN is the signatory's to correct, a module that does not answer is the operators'),
 * never with an internal error. The message is for people; it never contains the PIN.
 */
@Incubating
public class SigningFailure extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why it failed. */
  public enum Reason {
    /** The PIN does not unlock the credential. */
    WRONG_PIN,
    /** Too many wrong PINs: the credential (or the token) is locked. */
    LOCKED,
    /** No such credential here. */
    UNKNOWN_CREDENTIAL,
    /** The session was closed. */
    CLOSED,
    /**
     * What was asked does not fit the credential (its algorithm, a certificate for another key).
     */
    INVALID_REQUEST,
    /** The provider cannot do this at all (a default method it does not implement). */
    UNSUPPORTED,
    /**
     * The provider, its module or its service cannot be reached or failed; trying later may work.
     */
    UNAVAILABLE
  }

  private final Reason reason;

  public SigningFailure(Reason reason, String message, Throwable cause) {
    super(message, cause);
    if (reason == null) {
      throw new IllegalArgumentException("a failure has a reason");
    }
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
