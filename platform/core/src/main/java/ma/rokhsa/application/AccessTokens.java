package ma.rokhsa.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Issues the platform's own access tokens (signed JWTs in MicroProfile JWT form). */
public interface AccessTokens {

  /** A token for the caller, valid for the configured time. */
  Issued issue(Caller caller);

  /**
   * Retires the key that signs tokens and makes a new one, in the caller's transaction: tokens
   * signed so far stay valid until they expire; new ones carry the new key's id.
   */
  KeyRotation rotateKeys();

  /** The signing keys whose tokens are accepted, without their secrets. */
  List<KeyView> keys();

  /**
   * A rotation done.
   *
   * @param signing the id of the key that signs from now on
   * @param keys every key accepted after it
   */
  record KeyRotation(String signing, List<KeyView> keys) {}

  /**
   * A token signing key, public facts only.
   *
   * @param keyId its id, the {@code kid} of the tokens it signs
   * @param createdAt when it was made
   * @param signing whether it signs new tokens
   * @param retiredAt when it stopped signing, if it did
   * @param verifiesUntil until when its tokens are accepted, if it is retired (then deleted)
   */
  record KeyView(
      String keyId,
      Instant createdAt,
      boolean signing,
      Optional<Instant> retiredAt,
      Optional<Instant> verifiesUntil) {}

  /**
   * An issued token.
   *
   * @param token the compact JWS
   * @param validFor how long it is valid
   */
  record Issued(String token, Duration validFor) {}
}
