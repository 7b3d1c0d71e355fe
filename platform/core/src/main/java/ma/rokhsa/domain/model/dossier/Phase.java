package ma.rokhsa.domain.model.dossier;

/** Where a dossier is in its life. */
public enum Phase {
  /** Being prepared by the applicant; the administration does not see it. */
  DRAFT,
  /** Deposited: on the legal clock, in one of the procedure's states. */
  OPEN,
  /** In a terminal state: delivered, refused, withdrawn. */
  CLOSED
}
