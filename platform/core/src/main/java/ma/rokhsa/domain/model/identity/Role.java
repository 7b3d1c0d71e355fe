package ma.rokhsa.domain.model.identity;

/**
 * What an account may do, and where. Agent roles are bound to one tenant; supervisors to a province
 * or region, reading everything beneath and writing nothing; the national admin to the whole
 * nation; applicants and architects act for themselves in any active tenant.
 *
 * <p>The names are also the {@code groups} of access tokens.
 */
public enum Role {
  APPLICANT(Scope.NONE),
  ARCHITECT(Scope.NONE),
  GUICHET_AGENT(Scope.TENANT),
  COMMISSION_MEMBER(Scope.TENANT),
  SIGNATORY(Scope.TENANT),
  TENANT_ADMIN(Scope.TENANT),
  PROVINCIAL_SUPERVISOR(Scope.TERRITORY),
  REGIONAL_SUPERVISOR(Scope.TERRITORY),
  NATIONAL_ADMIN(Scope.NATION);

  /** Where a grant of the role applies. */
  public enum Scope {
    /** Not bound to a tenant (applicants, architects). */
    NONE,
    /** Exactly one tenant. */
    TENANT,
    /** A province or region and every tenant beneath it, read-only. */
    TERRITORY,
    /** Everything. */
    NATION
  }

  private final Scope scope;

  Role(Scope scope) {
    this.scope = scope;
  }

  public Scope scope() {
    return scope;
  }

  /**
   * Whether the role instructs dossiers (takes them from deposit to a decision and a signature):
   * the national admin may not hold it, and nobody may grant it to themselves (ADR 0023).
   */
  public boolean instructs() {
    return this == GUICHET_AGENT || this == COMMISSION_MEMBER || this == SIGNATORY;
  }

  /**
   * Whether a grant of the role names what it is held for: the consulted body a member speaks for.
   */
  public boolean qualified() {
    return this == COMMISSION_MEMBER;
  }
}
