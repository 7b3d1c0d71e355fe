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

  void store(Tenant tenant);
}
