package ma.rokhsa.domain.model.rollout;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.domain.model.tenant.TenantKind;
import ma.rokhsa.domain.model.tenant.TenantStatus;

/**
 * What enabling its region does to one tenant.
 *
 * @param tenant the tenant
 * @param kind its kind
 * @param nameFr its name in French
 * @param population its population, if known
 * @param current its status now
 * @param outcome what happens to it
 * @param path the statuses it walks through, in order, from {@code current} (empty when it stays)
 * @param reason why it is blocked or left alone; empty when it is activated or already active
 */
public record RolloutStep(
    TenantId tenant,
    TenantKind kind,
    String nameFr,
    Optional<Long> population,
    TenantStatus current,
    RolloutOutcome outcome,
    List<TenantStatus> path,
    Optional<String> reason) {

  public RolloutStep {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(nameFr, "nameFr");
    Objects.requireNonNull(population, "population");
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(outcome, "outcome");
    path = List.copyOf(path);
    Objects.requireNonNull(reason, "reason");
  }

  /** Whether enabling changes this tenant's status. */
  public boolean changesStatus() {
    return !path.isEmpty();
  }

  /** The status the tenant ends in. */
  public TenantStatus target() {
    return path.isEmpty() ? current : path.get(path.size() - 1);
  }
}
