package ma.rokhsa.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The token signing keys in the database. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
class TokenKeyStore {

  @PersistenceContext(unitName = "rokhsa")
  EntityManager em;

  @jakarta.inject.Inject ma.rokhsa.infrastructure.config.RokhsaSettings settings;

  /**
   * Every stored key still accepted, oldest first; creates one if none signs (none is stored, or
   * all are retired), and deletes those retired longer than {@code retention} ago. With {@code
   * rokhsa.auth.token-key-secret} set, keys are stored encrypted ({@link TokenKeyCipher}), and a
   * key found in clear is encrypted in place.
   */
  List<TokenKeyRing.Stored> all(Duration retention) {
    return load(retention, Instant.now());
  }

  /**
   * Retires every key that signs and makes a new one, in the caller's transaction (so that the
   * rotation and its audit entry commit together); deletes the keys retired longer than {@code
   * retention} ago.
   *
   * @return the keys after the rotation, the new one among them
   */
  @Transactional(Transactional.TxType.REQUIRED)
  List<TokenKeyRing.Stored> rotate(Duration retention) {
    Instant now = Instant.now();
    em.createQuery(
            "update TokenSigningKeyRecord k set k.retiredAt = :now where k.retiredAt is null")
        .setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
        .executeUpdate();
    em.clear();
    store(TokenSigningKey.generate(), now);
    return load(retention, now);
  }

  private List<TokenKeyRing.Stored> load(Duration retention, Instant now) {
    TokenKeyCipher cipher = TokenKeyCipher.of(settings.tokenKeySecret());
    em.createQuery("delete from TokenSigningKeyRecord k where k.retiredAt < :expired")
        .setParameter("expired", OffsetDateTime.ofInstant(now.minus(retention), ZoneOffset.UTC))
        .executeUpdate();
    List<TokenKeyRing.Stored> keys = new ArrayList<>();
    for (TokenSigningKeyRecord stored :
        em.createQuery(
                "select k from TokenSigningKeyRecord k order by k.createdAt, k.kid",
                TokenSigningKeyRecord.class)
            .getResultList()) {
      keys.add(
          new TokenKeyRing.Stored(
              TokenSigningKey.fromPrivateJwkJson(cipher.open(stored.kid, stored.privateJwk)),
              stored.createdAt.toInstant(),
              Optional.ofNullable(stored.retiredAt).map(OffsetDateTime::toInstant)));
      if (cipher.encrypts() && !TokenKeyCipher.sealed(stored.privateJwk)) {
        stored.privateJwk = cipher.seal(stored.kid, stored.privateJwk);
      }
    }
    if (keys.stream().noneMatch(k -> k.retiredAt().isEmpty())) {
      keys.add(
          new TokenKeyRing.Stored(store(TokenSigningKey.generate(), now), now, Optional.empty()));
    }
    return keys;
  }

  private TokenSigningKey store(TokenSigningKey generated, Instant now) {
    TokenSigningKeyRecord stored = new TokenSigningKeyRecord();
    stored.kid = generated.keyId();
    stored.privateJwk =
        TokenKeyCipher.of(settings.tokenKeySecret())
            .seal(generated.keyId(), generated.toPrivateJwkJson());
    stored.createdAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    em.persist(stored);
    em.flush();
    return generated;
  }
}
