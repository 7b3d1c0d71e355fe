package ma.rokhsa.application;

import java.util.EnumSet;
import java.util.Set;
import ma.rokhsa.domain.model.identity.Role;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.domain.model.tenant.TenantId;

/**
 * What a caller may do in one tenant: nothing (the tenant is then reported as not found), read
 * (supervisors over it), or act in the roles it holds there. Decided in {@link #of}, the one place
 * where tenant boundaries are drawn.
 *
 * @param tenant the tenant
 * @param read whether the caller may read its data
 * @param roles the roles in which the caller may act there (the national admin administers every
 *     tenant — it acts as a tenant admin — but instructs no dossier: ADR 0023)
 * @param bodies the consulted bodies the caller speaks for here, as a commission member
 */
public record TenantAccess(TenantId tenant, boolean read, Set<Role> roles, Set<String> bodies) {

  public TenantAccess {
    bodies = Set.copyOf(bodies);
  }

  /** Access without any consulted body. */
  public TenantAccess(TenantId tenant, boolean read, Set<Role> roles) {
    this(tenant, read, roles, Set.of());
  }

  /** The caller's access to the tenant. */
  public static TenantAccess of(Caller caller, Tenant tenant) {
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    java.util.Set<String> bodies = new java.util.TreeSet<>();
    boolean national = caller.holds(Role.NATIONAL_ADMIN);
    if (national) {
      // Administers everywhere; never guichet, commission or signatory (separation of duties).
      roles.add(Role.NATIONAL_ADMIN);
      roles.add(Role.TENANT_ADMIN);
    }
    boolean supervises = false;
    for (Caller.Grant grant : caller.grants()) {
      if (grant.role().scope() == Role.Scope.NONE) {
        // Applicants and architects act for themselves in every tenant; they read only their
        // own dossiers, so this alone does not open the tenant's data to them (read stays false).
        roles.add(grant.role());
        continue;
      }
      if (grant.tenant().isEmpty()) {
        continue;
      }
      TenantId where = grant.tenant().get();
      switch (grant.role().scope()) {
        case TENANT -> {
          if (where.equals(tenant.id()) && !(national && grant.role().instructs())) {
            roles.add(grant.role());
            grant.body().ifPresent(bodies::add);
          }
        }
        case TERRITORY -> supervises |= tenant.isWithin(where);
        default -> {
          // the nation is not bound to a tenant
        }
      }
    }
    boolean agent = roles.stream().anyMatch(r -> r.scope() == Role.Scope.TENANT);
    return new TenantAccess(tenant.id(), national || supervises || agent, roles, bodies);
  }

  /**
   * Who acts for the caller here, in the roles held here, from this address: what the request's
   * {@link TenantContext} carries, made from this access alone (the API's tenant filter and the
   * pages make it the same way).
   */
  public Actor actor(Caller caller, String sourceAddress) {
    return new Actor(caller.username(), roles, read && !mayWrite(), sourceAddress, bodies);
  }

  /** Whether the caller acts here as an applicant or an architect, for their own dossiers. */
  public boolean applicant() {
    return roles.contains(Role.APPLICANT) || roles.contains(Role.ARCHITECT);
  }

  /** Whether the caller may change anything here at all (supervisors may not). */
  public boolean mayWrite() {
    return roles.stream().anyMatch(r -> r.scope() == Role.Scope.TENANT || r == Role.NATIONAL_ADMIN);
  }

  /** Requires the right to change something here: refused to read-only supervisors. */
  public void requireWrite() {
    if (!mayWrite()) {
      throw new AccessDenied(
          "read-only access to tenant " + tenant + ": supervisors change nothing");
    }
  }

  /**
   * Requires one of the roles here.
   *
   * @throws AccessDenied naming the roles needed
   */
  public void require(Role... anyOf) {
    for (Role role : anyOf) {
      if (roles.contains(role)) {
        return;
      }
    }
    throw new AccessDenied(
        "this needs one of " + EnumSet.copyOf(Set.of(anyOf)) + " in tenant " + tenant);
  }
}
