package ma.rokhsa.plugin.api.procedure;

/** Who acts on a workflow transition. */
public enum ActingRole {
  /** The applicant, or the architect acting for them. */
  APPLICANT,
  /** The commune's guichet: completeness, complements. */
  GUICHET_AGENT,
  /** A consulted body of the commission, giving its avis. */
  COMMISSION_MEMBER,
  /** The authority who decides and signs. */
  SIGNATORY,
  /** The platform itself (a deadline passing, tacit approval). */
  SYSTEM
}
