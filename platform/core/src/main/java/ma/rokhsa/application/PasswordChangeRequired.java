package ma.rokhsa.application;

/**
 * The credentials are right, but an administrator reset the password: its holder must choose a new
 * one ({@code POST /api/auth/password}) before signing in. Interfaces answer 403 with {@code
 * password-change-required}.
 */
public class PasswordChangeRequired extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PasswordChangeRequired(String message) {
    super(message);
  }
}
