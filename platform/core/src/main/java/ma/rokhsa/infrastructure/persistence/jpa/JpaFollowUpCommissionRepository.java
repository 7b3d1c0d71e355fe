package ma.rokhsa.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import ma.rokhsa.domain.model.rollout.FollowUpCommission;
import ma.rokhsa.domain.model.rollout.FollowUpCommissionRepository;
import ma.rokhsa.domain.model.tenant.TenantId;

@ApplicationScoped
class JpaFollowUpCommissionRepository implements FollowUpCommissionRepository {

  @PersistenceContext(unitName = "rokhsa")
  private EntityManager em;

  @Override
  public void store(FollowUpCommission commission) {
    em.persist(commission);
  }

  @Override
  public List<FollowUpCommission> findFor(TenantId territory) {
    return em.createQuery(
            "select c from FollowUpCommission c where c.tenantId = :tenant"
                + " order by c.recordedAt, c.id",
            FollowUpCommission.class)
        .setParameter("tenant", territory.value())
        .getResultList();
  }
}
