package ma.rokhsa.domain.model.rollout;

import java.util.List;
import ma.rokhsa.domain.model.tenant.TenantId;

/** Where follow-up commissions are kept. */
public interface FollowUpCommissionRepository {

  void store(FollowUpCommission commission);

  /** The commissions set up on {@code territory}, in the order they were recorded. */
  List<FollowUpCommission> findFor(TenantId territory);
}
