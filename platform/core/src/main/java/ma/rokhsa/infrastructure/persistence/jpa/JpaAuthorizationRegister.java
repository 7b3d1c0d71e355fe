package ma.rokhsa.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import ma.rokhsa.domain.model.document.AuthorizationId;
import ma.rokhsa.domain.model.document.AuthorizationRegister;
import ma.rokhsa.domain.model.document.DeliveredAuthorization;

/** Every query here is filtered by EclipseLink's tenant discriminator: see TenantScoped. */
@ApplicationScoped
class JpaAuthorizationRegister implements AuthorizationRegister {

  @PersistenceContext(unitName = "rokhsa")
  private EntityManager em;

  @Override
  public void store(DeliveredAuthorization document) {
    em.persist(document);
  }

  @Override
  public Optional<DeliveredAuthorization> find(AuthorizationId id) {
    // A query, not em.find: the tenant filter applies to queries whatever the cache holds.
    return em.createQuery(
            "select d from DeliveredAuthorization d where d.id = :id", DeliveredAuthorization.class)
        .setParameter("id", id.toString())
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<DeliveredAuthorization> findForUpdate(AuthorizationId id) {
    return em.createQuery(
            "select d from DeliveredAuthorization d where d.id = :id", DeliveredAuthorization.class)
        .setParameter("id", id.toString())
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<DeliveredAuthorization> ofDossier(String dossierId) {
    return em.createQuery(
            "select d from DeliveredAuthorization d where d.dossierId = :dossier"
                + " order by d.signedAt desc",
            DeliveredAuthorization.class)
        .setParameter("dossier", dossierId)
        .getResultList();
  }

  @Override
  public List<DeliveredAuthorization> withFile(String sha256) {
    return em.createQuery(
            "select d from DeliveredAuthorization d where d.fileSha256 = :sha",
            DeliveredAuthorization.class)
        .setParameter("sha", sha256)
        .getResultList();
  }
}
