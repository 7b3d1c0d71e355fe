package ma.rokhsa.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.domain.model.tenant.TenantRepository;

@ApplicationScoped
class JpaTenantRepository implements TenantRepository {

  @PersistenceContext(unitName = "rokhsa")
  private EntityManager em;

  @Override
  public Optional<Tenant> find(TenantId id) {
    return Optional.ofNullable(em.find(Tenant.class, id.value()));
  }

  @Override
  public List<Tenant> findAll() {
    return em.createQuery("select t from Tenant t order by t.id", Tenant.class).getResultList();
  }

  @Override
  public List<Tenant> findWithin(TenantId root) {
    return find(root)
        .map(
            tenant ->
                em.createQuery(
                        "select t from Tenant t where t.path = :path or t.path like :below"
                            + " order by t.id",
                        Tenant.class)
                    .setParameter("path", tenant.path())
                    .setParameter("below", tenant.path() + "/%")
                    .getResultList())
        .orElse(List.of());
  }

  @Override
  public Optional<Tenant> findForUpdate(TenantId id) {
    return Optional.ofNullable(em.find(Tenant.class, id.value(), LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public void store(Tenant tenant) {
    em.persist(tenant);
  }
}
