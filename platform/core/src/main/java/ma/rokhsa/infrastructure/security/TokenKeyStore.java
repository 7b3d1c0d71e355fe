package ma.rokhsa.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The token signing keys in the database. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
class TokenKeyStore {

  @PersistenceContext(unitName = "rokhsa")
  EntityManager em;

  /** Every stored key, oldest first; creates one if there is none. */
  List<TokenSigningKey> all() {
    List<TokenSigningKey> keys =
        em.createQuery(
                "select k from TokenSigningKeyRecord k order by k.createdAt, k.kid",
                TokenSigningKeyRecord.class)
            .getResultStream()
            .map(stored -> TokenSigningKey.fromPrivateJwkJson(stored.privateJwk))
            .toList();
    if (!keys.isEmpty()) {
      return keys;
    }
    TokenSigningKey generated = TokenSigningKey.generate();
    TokenSigningKeyRecord stored = new TokenSigningKeyRecord();
    stored.kid = generated.keyId();
    stored.privateJwk = generated.toPrivateJwkJson();
    stored.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    em.persist(stored);
    return List.of(generated);
  }
}
