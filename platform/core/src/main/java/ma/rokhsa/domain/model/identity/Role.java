package ma.rokhsa.domain.model.identity;

/**
 * What an account may do, and where. Agent roles are bound to one tenant; supervisors to a province
 * or region, reading everything beneath and writing nothing; the national admin to the whole
 * nation; applicants and architects act for themselves in any active tenant.
 *
 * <p>The names are also the {@code groups} of access tokens and the values of
 * {@code @RolesAllowed}: use the constants of {@link Names}.
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

  /** The role names as compile-time constants, for {@code @RolesAllowed}. */
  public static final class Names {
    public static final String APPLICANT = "APPLICANT";
    public static final String ARCHITECT = "ARCHITECT";
    public static final String GUICHET_AGENT = "GUICHET_AGENT";
    public static final String COMMISSION_MEMBER = "COMMISSION_MEMBER";
    public static final String SIGNATORY = "SIGNATORY";
    public static final String TENANT_ADMIN = "TENANT_ADMIN";
    public static final String PROVINCIAL_SUPERVISOR = "PROVINCIAL_SUPERVISOR";
    public static final String REGIONAL_SUPERVISOR = "REGIONAL_SUPERVISOR";
    public static final String NATIONAL_ADMIN = "NATIONAL_ADMIN";

    private Names() {}
  }
}
