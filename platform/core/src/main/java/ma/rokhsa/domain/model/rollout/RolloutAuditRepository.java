package ma.rokhsa.domain.model.rollout;

import java.util.List;
import java.util.Optional;
import ma.rokhsa.domain.model.tenant.TenantId;

/** The rollout audit trail: appended to, never changed. */
public interface RolloutAuditRepository {

  void append(RolloutAuditEntry entry);

  /**
   * The latest entries, newest first, at most {@code limit} of them; only those about {@code
   * tenant} when it is given.
   */
  List<RolloutAuditEntry> latest(Optional<TenantId> tenant, int limit);
}
