package ma.rokhsa.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import ma.rokhsa.domain.model.signature.ExtraKeyPurchase;
import ma.rokhsa.domain.model.signature.Mandate;
import ma.rokhsa.domain.model.signature.Signatory;
import ma.rokhsa.domain.model.signature.SignatureKey;
import ma.rokhsa.domain.model.signature.SignatureKeyRepository;

/** Every query here is filtered by EclipseLink's tenant discriminator: see TenantScoped. */
@ApplicationScoped
class JpaSignatureKeyRepository implements SignatureKeyRepository {

  @PersistenceContext(unitName = "rokhsa")
  private EntityManager em;

  @Override
  public List<Signatory> signatories() {
    return em.createQuery("select s from Signatory s order by s.id", Signatory.class)
        .getResultList();
  }

  @Override
  public Optional<Signatory> signatory(Long id) {
    // A query, not em.find: the tenant filter applies to queries whatever the cache holds.
    return em.createQuery("select s from Signatory s where s.id = :id", Signatory.class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void store(Signatory signatory) {
    em.persist(signatory);
  }

  @Override
  public Optional<Signatory> signatoryOfAccount(String username) {
    return em.createQuery("select s from Signatory s where s.username = :username", Signatory.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<SignatureKey> keys() {
    return em.createQuery("select k from SignatureKey k order by k.id desc", SignatureKey.class)
        .getResultList();
  }

  @Override
  public Optional<SignatureKey> key(Long id) {
    return em.createQuery("select k from SignatureKey k where k.id = :id", SignatureKey.class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<SignatureKey> keyOfCredential(String provider, String credentialId) {
    return em.createQuery(
            "select k from SignatureKey k where k.provider = :provider"
                + " and k.credentialId = :credential",
            SignatureKey.class)
        .setParameter("provider", provider)
        .setParameter("credential", credentialId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<SignatureKey> keysOf(Long signatoryId) {
    return em.createQuery(
            "select k from SignatureKey k where k.signatoryId = :signatory order by k.id desc",
            SignatureKey.class)
        .setParameter("signatory", signatoryId)
        .getResultList();
  }

  @Override
  public void store(SignatureKey key) {
    em.persist(key);
  }

  @Override
  public List<ExtraKeyPurchase> purchases() {
    return em.createQuery(
            "select p from ExtraKeyPurchase p order by p.purchasedOn, p.id", ExtraKeyPurchase.class)
        .getResultList();
  }

  @Override
  public void store(ExtraKeyPurchase purchase) {
    em.persist(purchase);
  }

  @Override
  public List<Mandate> mandates() {
    return em.createQuery("select m from Mandate m order by m.id desc", Mandate.class)
        .getResultList();
  }

  @Override
  public Optional<Mandate> mandate(Long id) {
    return em.createQuery("select m from Mandate m where m.id = :id", Mandate.class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Mandate> mandatesTo(Long interimId) {
    return em.createQuery(
            "select m from Mandate m where m.interimId = :interim order by m.id desc",
            Mandate.class)
        .setParameter("interim", interimId)
        .getResultList();
  }

  @Override
  public void store(Mandate mandate) {
    em.persist(mandate);
  }
}
