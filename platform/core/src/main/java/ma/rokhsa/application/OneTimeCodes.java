package ma.rokhsa.application;

import java.net.URI;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Time-based one-time codes (RFC 6238: HMAC-SHA1, six digits, 30-second steps), the second factor
 * of admins and signatories (ADR 0032), and the sealing of their secrets for storage.
 */
public interface OneTimeCodes {

  /** A new random secret (160 bits), in Base32 as authenticator apps take it. */
  String newSecret();

  /** The {@code otpauth://totp/…} URI an authenticator app enrolls from (often as a QR code). */
  URI enrollmentUri(String secret, String issuer, String account);

  /**
   * The time step the code belongs to, if it is the code of the secret at the step of {@code now}
   * or of the step just before or after it (clocks drift, people type slowly); empty otherwise.
   * Compares in constant time. Whether that step was already used is the caller's concern.
   */
  OptionalLong stepOf(String secret, String code, Instant now);

  /** The secret as stored: sealed under the platform's secret when one is configured. */
  String seal(String username, String secret);

  /** The secret of a stored value, which names the account it was sealed for. */
  String open(String username, String stored);
}
