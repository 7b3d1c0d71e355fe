package ma.rokhsa.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import ma.rokhsa.domain.model.rollout.RolloutAuditEntry;
import ma.rokhsa.domain.model.rollout.RolloutAuditRepository;
import ma.rokhsa.domain.model.tenant.TenantId;

@ApplicationScoped
class JpaRolloutAuditRepository implements RolloutAuditRepository {

  @PersistenceContext(unitName = "rokhsa")
  private EntityManager em;

  @Override
  public void append(RolloutAuditEntry entry) {
    em.persist(entry);
  }

  @Override
  public List<RolloutAuditEntry> latest(Optional<TenantId> tenant, int limit) {
    TypedQuery<RolloutAuditEntry> query =
        tenant.isPresent()
            ? em.createQuery(
                    "select a from RolloutAuditEntry a where a.tenantId = :tenant"
                        + " order by a.at desc, a.id desc",
                    RolloutAuditEntry.class)
                .setParameter("tenant", tenant.get().value())
            : em.createQuery(
                "select a from RolloutAuditEntry a order by a.at desc, a.id desc",
                RolloutAuditEntry.class);
    return query.setMaxResults(limit).getResultList();
  }
}
