package ma.rokhsa.infrastructure.security;

import com.bastiaanjansen.otp.HMACAlgorithm;
import com.bastiaanjansen.otp.HOTPGenerator;
import com.bastiaanjansen.otp.SecretGenerator;
import com.bastiaanjansen.otp.TOTPGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import ma.rokhsa.application.OneTimeCodes;
import ma.rokhsa.infrastructure.config.RokhsaSettings;

/**
 * RFC 6238 codes through otp-java (ADR 0032): HMAC-SHA1, six digits, steps of 30 seconds, as every
 * authenticator app reads them from an {@code otpauth://} URI. Secrets are sealed with AES-256-GCM
 * under {@code rokhsa.auth.token-key-secret} (its own derived key, the username as associated
 * data), as the token signing key is; without that secret they are stored in clear (development).
 */
@ApplicationScoped
class RfcTotpCodes implements OneTimeCodes {

  static final Duration STEP = Duration.ofSeconds(30);
  static final int DIGITS = 6;

  /** Steps either side of the current one whose codes are still accepted. */
  static final int WINDOW = 1;

  private TokenKeyCipher cipher;

  /** For CDI's proxy. */
  protected RfcTotpCodes() {}

  @Inject
  RfcTotpCodes(RokhsaSettings settings) {
    this(settings.tokenKeySecret());
  }

  /** Expert: sealing under {@code secret} (none: in clear). */
  RfcTotpCodes(Optional<String> secret) {
    this.cipher = TokenKeyCipher.of("rokhsa-totp-secret-v1", "the second factor of", secret);
  }

  @Override
  public String newSecret() {
    return new String(SecretGenerator.generate(160), StandardCharsets.US_ASCII);
  }

  @Override
  public URI enrollmentUri(String secret, String issuer, String account) {
    try {
      return totp(secret).getURI(issuer, account);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("no otpauth URI for " + account + ": " + e.getMessage());
    }
  }

  @Override
  public OptionalLong stepOf(String secret, String code, Instant now) {
    if (code == null || !code.strip().matches("[0-9]{" + DIGITS + "}")) {
      return OptionalLong.empty();
    }
    byte[] given = code.strip().getBytes(StandardCharsets.US_ASCII);
    HOTPGenerator hotp = hotp(secret);
    long current = Math.floorDiv(now.getEpochSecond(), STEP.toSeconds());
    OptionalLong found = OptionalLong.empty();
    // Every step of the window is computed and compared, matched or not: the time taken does not
    // tell which step (or whether any) matched.
    for (long step = current - WINDOW; step <= current + WINDOW; step++) {
      byte[] expected = hotp.generate(step).getBytes(StandardCharsets.US_ASCII);
      if (MessageDigest.isEqual(expected, given) && found.isEmpty()) {
        found = OptionalLong.of(step);
      }
    }
    return found;
  }

  /** The code of {@code secret} at {@code instant} (tests and the enrollment check). */
  String codeAt(String secret, Instant instant) {
    return totp(secret).at(instant);
  }

  @Override
  public String seal(String username, String secret) {
    return cipher.seal(username, secret);
  }

  @Override
  public String open(String username, String stored) {
    return cipher.open(username, stored);
  }

  // otp-java marks SHA1 deprecated; it is still RFC 6238's default and the only algorithm every
  // authenticator app honours (several ignore the otpauth URI's algorithm), and HMAC-SHA1 is not
  // weakened by SHA-1's collisions.
  @SuppressWarnings("deprecation")
  private static TOTPGenerator totp(String secret) {
    return new TOTPGenerator.Builder(secret.getBytes(StandardCharsets.US_ASCII))
        .withHOTPGenerator(b -> b.withPasswordLength(DIGITS).withAlgorithm(HMACAlgorithm.SHA1))
        .withPeriod(STEP)
        .build();
  }

  @SuppressWarnings("deprecation")
  private static HOTPGenerator hotp(String secret) {
    return new HOTPGenerator.Builder(secret.getBytes(StandardCharsets.US_ASCII))
        .withPasswordLength(DIGITS)
        .withAlgorithm(HMACAlgorithm.SHA1)
        .build();
  }
}
