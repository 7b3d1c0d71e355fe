package ma.rokhsa.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.domain.model.tenant.TenantKind;
import ma.rokhsa.domain.model.tenant.TenantRepository;

/** Reads the tenant registry: one tenant, or the tenants within a territory. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TenantDirectory {

  private TenantRepository tenants;

  /** For CDI's proxy. */
  protected TenantDirectory() {}

  @Inject
  TenantDirectory(TenantRepository tenants) {
    this.tenants = tenants;
  }

  public Optional<Tenant> find(TenantId id) {
    return tenants.find(id);
  }

  /**
   * The tenants within {@code root} (itself included), or all of them, optionally only of the given
   * kinds; ordered by id.
   */
  public List<Tenant> list(Optional<TenantId> root, Collection<TenantKind> kinds) {
    List<Tenant> found = root.map(tenants::findWithin).orElseGet(tenants::findAll);
    if (kinds.isEmpty()) {
      return found;
    }
    return found.stream().filter(t -> kinds.contains(t.kind())).toList();
  }
}
