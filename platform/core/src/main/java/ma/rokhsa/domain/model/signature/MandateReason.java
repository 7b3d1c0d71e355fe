package ma.rokhsa.domain.model.signature;

/** Why a signatory's signing power is delegated to an interim signatory. */
public enum MandateReason {
  /** The gap after municipal elections, until the new council's president takes office. */
  POST_ELECTION_GAP,
  /** The signatory is absent (leave, mission, illness). */
  ABSENCE
}
