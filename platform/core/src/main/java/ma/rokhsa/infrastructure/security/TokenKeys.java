package ma.rokhsa.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The keys of the platform's own access tokens. The first node to need one generates it and stores
 * it in the database; every node signs with the oldest stored key and accepts all stored keys (two
 * nodes starting together may each have made one). Read once, re-read when a token names a key not
 * seen yet.
 */
@ApplicationScoped
public class TokenKeys {

  /** A token naming an unknown key re-reads the database at most this often. */
  static final Duration REFRESH_INTERVAL = Duration.ofSeconds(30);

  @Inject TokenKeyStore store;

  private volatile List<TokenSigningKey> keys;
  private volatile Instant lastRefresh = Instant.EPOCH;

  /** The key to sign with. */
  public TokenSigningKey signing() {
    return keys().get(0);
  }

  /** The key with this id, re-reading the database once if it is not known yet. */
  public Optional<TokenSigningKey> find(String keyId) {
    Optional<TokenSigningKey> found = lookup(keys(), keyId);
    if (found.isEmpty() && Instant.now().isAfter(lastRefresh.plus(REFRESH_INTERVAL))) {
      // Forged key ids must not turn every request into a database read.
      synchronized (this) {
        lastRefresh = Instant.now();
        keys = store.all();
      }
      found = lookup(keys, keyId);
    }
    return found;
  }

  private List<TokenSigningKey> keys() {
    List<TokenSigningKey> current = keys;
    if (current == null) {
      synchronized (this) {
        if (keys == null) {
          keys = store.all();
        }
        current = keys;
      }
    }
    return current;
  }

  private static Optional<TokenSigningKey> lookup(List<TokenSigningKey> keys, String keyId) {
    return keys.stream().filter(k -> k.keyId().equals(keyId)).findFirst();
  }
}
