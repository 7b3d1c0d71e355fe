package ma.rokhsa.application;

/**
 * The password is right, but the account must enroll a second factor before it signs in (the
 * national admin outside demo mode, ADR 0032). Interfaces answer 403 with {@code
 * second-factor-enrollment-required}, saying how to enroll.
 */
public class SecondFactorEnrollmentRequired extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SecondFactorEnrollmentRequired(String message) {
    super(message);
  }
}
