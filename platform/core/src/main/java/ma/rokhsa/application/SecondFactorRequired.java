package ma.rokhsa.application;

/**
 * The password is right and the account signs in with a second factor: the code of its
 * authenticator app is needed too. Interfaces answer 401 with {@code second-factor-required}. Not a
 * failure: nothing is counted, nothing is reset.
 */
public class SecondFactorRequired extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SecondFactorRequired(String message) {
    super(message);
  }
}
