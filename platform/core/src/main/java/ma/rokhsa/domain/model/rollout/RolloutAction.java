package ma.rokhsa.domain.model.rollout;

/** The rollout actions the audit trail records. Add actions, never rename one: they are stored. */
public enum RolloutAction {
  /** Enabling a wave or a region moved the tenant (to ACTIVE, or to ONBOARDING when blocked). */
  ENABLE,
  /** A readiness evaluation of the commune was recorded. */
  RECORD_READINESS_EVALUATION,
  SUSPEND,
  RESUME,
  /** A follow-up commission of the territory was recorded. */
  RECORD_COMMISSION
}
