package ma.rokhsa.infrastructure.signing;

/**
 * The node cannot check signatures: it runs outside demo mode and no trust anchors are configured
 * ({@code rokhsa.signing.trust-anchors}, docs/signatures.md). An operator's omission, not a
 * client's error: the verification endpoints answer 503 until it is set.
 */
public class SigningNotConfigured extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SigningNotConfigured(String message) {
    super(message);
  }
}
