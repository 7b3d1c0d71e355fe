package ma.rokhsa.domain.model.tenant;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a tenant is in the rollout: PLANNED → ONBOARDING → ACTIVE ⇄ SUSPENDED. Only an active
 * tenant accepts new deposits; a suspended one keeps every dossier readable and its in-flight
 * dossiers instructable.
 */
public enum TenantStatus {
  PLANNED,
  ONBOARDING,
  ACTIVE,
  SUSPENDED;

  /** The statuses this one may move to. */
  public Set<TenantStatus> next() {
    return switch (this) {
      case PLANNED -> EnumSet.of(ONBOARDING);
      case ONBOARDING -> EnumSet.of(ACTIVE);
      case ACTIVE -> EnumSet.of(SUSPENDED);
      case SUSPENDED -> EnumSet.of(ACTIVE);
    };
  }

  public boolean canMoveTo(TenantStatus target) {
    return next().contains(target);
  }

  public boolean acceptsDeposits() {
    return this == ACTIVE;
  }

  /** Whether dossiers already deposited may still be instructed. */
  public boolean instructsDossiers() {
    return this == ACTIVE || this == SUSPENDED;
  }
}
