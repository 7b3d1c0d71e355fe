package ma.rokhsa.domain.model.tenant;

import java.util.List;
import java.util.Optional;

/** The national registry of tenants. */
public interface TenantRepository {

  Optional<Tenant> find(TenantId id);

  /** Every tenant, ordered by id. */
  List<Tenant> findAll();

  /** The tenant {@code root} and every tenant beneath it, ordered by id. */
  List<Tenant> findWithin(TenantId root);

  /**
   * The tenant, locked until the end of the transaction: changes that depend on a tenant-wide count
   * (such as its signature keys) are made one at a time.
   */
  Optional<Tenant> findForUpdate(TenantId id);

  void store(Tenant tenant);
}
