package ma.rokhsa.infrastructure.signing;

/** A document could not be signed: the key, the TSA or the revocation data failed or refused. */
public class SigningException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SigningException(String message) {
    super(message);
  }

  public SigningException(String message, Throwable cause) {
    super(message, cause);
  }
}
