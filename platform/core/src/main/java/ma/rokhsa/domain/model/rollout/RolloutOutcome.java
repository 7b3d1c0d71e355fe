package ma.rokhsa.domain.model.rollout;

/** What enabling its region does to one tenant. */
public enum RolloutOutcome {
  /** Walked up to ACTIVE. */
  ACTIVATE,
  /**
   * Kept from ACTIVE: a commune over the readiness threshold without a positive evaluation, or an
   * arrondissement of such a commune. It goes to ONBOARDING and waits.
   */
  BLOCK,
  /** Already ACTIVE: nothing to do. */
  ALREADY_ACTIVE,
  /** SUSPENDED: a wave never re-activates a suspended tenant; only resuming it does. */
  LEAVE
}
