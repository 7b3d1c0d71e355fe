package ma.rokhsa.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ma.rokhsa.application.AccessTokens;
import ma.rokhsa.infrastructure.config.RokhsaSettings;

/**
 * The keys of the platform's own access tokens, shared by every node through the database. The
 * first node to need one generates it; every node signs with the oldest key not retired and accepts
 * the keys not retired and those retired less than the token lifetime ago ({@link TokenKeyRing}).
 * {@link #rotate()} retires the signing key and makes a new one; the other nodes follow within
 * {@link #REFRESH_INTERVAL}, since each re-reads the keys that often (and at once when a token
 * names a key it has not seen, at most that often).
 */
@ApplicationScoped
public class TokenKeys {

  /** How often a node re-reads the keys: how long it may sign with a key another node retired. */
  static final Duration REFRESH_INTERVAL = Duration.ofSeconds(30);

  /** The clock skew tokens are verified with (see {@link TokenVerifier}). */
  static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  @Inject TokenKeyStore store;
  @Inject RokhsaSettings settings;

  private volatile TokenKeyRing ring;
  private volatile Instant lastRefresh = Instant.EPOCH;

  /** The key to sign with. */
  public TokenSigningKey signing() {
    return ring().signing();
  }

  /** The key with this id if its tokens are still accepted, re-reading the database if unknown. */
  public Optional<TokenSigningKey> find(String keyId) {
    Optional<TokenSigningKey> found = ring().verifying(keyId, Instant.now());
    if (found.isEmpty() && Instant.now().isAfter(lastRefresh.plus(REFRESH_INTERVAL))) {
      // Forged key ids must not turn every request into a database read.
      found = reload().verifying(keyId, Instant.now());
    }
    return found;
  }

  /**
   * Retires the signing key and makes a new one, in the caller's transaction: tokens signed so far
   * stay valid until they expire, new ones are signed with the new key.
   */
  public AccessTokens.KeyRotation rotate() {
    TokenKeyRing rotated = new TokenKeyRing(store.rotate(retention()), retention());
    // Re-read at the next use, once the rotation is committed.
    lastRefresh = Instant.EPOCH;
    return new AccessTokens.KeyRotation(rotated.signing().keyId(), views(rotated));
  }

  /** The keys still accepted, without their secrets. */
  public List<AccessTokens.KeyView> views() {
    return views(ring());
  }

  /** How long a retired key keeps verifying. */
  Duration retention() {
    return settings.tokenTtl().plus(REFRESH_INTERVAL).plus(CLOCK_SKEW);
  }

  private List<AccessTokens.KeyView> views(TokenKeyRing ring) {
    String signing = ring.signing().keyId();
    return ring.keys().stream()
        .map(
            k ->
                new AccessTokens.KeyView(
                    k.key().keyId(),
                    k.createdAt(),
                    k.key().keyId().equals(signing),
                    k.retiredAt(),
                    k.verifiesUntil(ring.retention())))
        .toList();
  }

  private TokenKeyRing ring() {
    TokenKeyRing current = ring;
    if (current == null || Instant.now().isAfter(lastRefresh.plus(REFRESH_INTERVAL))) {
      current = reload();
    }
    return current;
  }

  private synchronized TokenKeyRing reload() {
    if (ring != null && !Instant.now().isAfter(lastRefresh.plus(REFRESH_INTERVAL))) {
      return ring;
    }
    TokenKeyRing loaded = new TokenKeyRing(store.all(retention()), retention());
    ring = loaded;
    lastRefresh = Instant.now();
    return loaded;
  }
}
