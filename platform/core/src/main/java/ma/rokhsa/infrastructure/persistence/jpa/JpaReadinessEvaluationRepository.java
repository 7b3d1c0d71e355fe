package ma.rokhsa.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import ma.rokhsa.domain.model.rollout.ReadinessEvaluation;
import ma.rokhsa.domain.model.rollout.ReadinessEvaluationRepository;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.domain.model.tenant.TenantId;

@ApplicationScoped
class JpaReadinessEvaluationRepository implements ReadinessEvaluationRepository {

  @PersistenceContext(unitName = "rokhsa")
  private EntityManager em;

  @Override
  public void store(ReadinessEvaluation evaluation) {
    em.persist(evaluation);
  }

  @Override
  public List<ReadinessEvaluation> findFor(TenantId tenant) {
    return em.createQuery(
            "select e from ReadinessEvaluation e where e.tenantId = :tenant"
                + " order by e.evaluatedOn desc, e.recordedAt desc, e.id desc",
            ReadinessEvaluation.class)
        .setParameter("tenant", tenant.value())
        .getResultList();
  }

  @Override
  public List<ReadinessEvaluation> findWithin(TenantId root) {
    Tenant tenant = em.find(Tenant.class, root.value());
    if (tenant == null) {
      return List.of();
    }
    return em.createQuery(
            "select e from ReadinessEvaluation e where e.tenantId in"
                + " (select t.id from Tenant t where t.path = :path or t.path like :below)",
            ReadinessEvaluation.class)
        .setParameter("path", tenant.path())
        .setParameter("below", tenant.path() + "/%")
        .getResultList();
  }
}
