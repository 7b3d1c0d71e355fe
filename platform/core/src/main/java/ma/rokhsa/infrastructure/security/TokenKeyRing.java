package ma.rokhsa.infrastructure.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The stored token signing keys at one instant, and which of them sign and verify: the oldest key
 * not retired signs (two nodes starting together may each have made one; all nodes pick the same);
 * every key not retired, or retired less than {@code retention} ago, verifies. A key retired longer
 * ago signed nothing still valid and is no longer accepted. Immutable.
 *
 * @param keys the stored keys
 * @param retention how long a retired key keeps verifying: the token lifetime, plus how long a node
 *     may go on signing with a key after another node retired it, plus the clock skew allowed
 */
record TokenKeyRing(List<Stored> keys, Duration retention) {

  /**
   * A key as stored.
   *
   * @param key the key pair
   * @param createdAt when it was made
   * @param retiredAt when it stopped signing, if it did
   */
  record Stored(TokenSigningKey key, Instant createdAt, Optional<Instant> retiredAt) {

    /** Until when tokens signed with it are accepted, if it is retired. */
    Optional<Instant> verifiesUntil(Duration retention) {
      return retiredAt.map(r -> r.plus(retention));
    }
  }

  TokenKeyRing {
    keys = List.copyOf(keys);
  }

  /** The key that signs new tokens. */
  TokenSigningKey signing() {
    return keys.stream()
        .filter(k -> k.retiredAt().isEmpty())
        .min(Comparator.comparing(Stored::createdAt).thenComparing(k -> k.key().keyId()))
        .map(Stored::key)
        .orElseThrow(() -> new IllegalStateException("no token signing key that is not retired"));
  }

  /** The key with this id, if tokens it signed are still accepted at {@code now}. */
  Optional<TokenSigningKey> verifying(String keyId, Instant now) {
    return keys.stream()
        .filter(k -> k.key().keyId().equals(keyId))
        .filter(k -> k.verifiesUntil(retention).map(now::isBefore).orElse(true))
        .map(Stored::key)
        .findFirst();
  }
}
