package ma.rokhsa.application;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import ma.rokhsa.domain.model.identity.Role;
import ma.rokhsa.domain.model.tenant.TenantId;

/**
 * Who is calling, as authenticated for this request: an account and the roles it holds, where.
 *
 * @param username the account's username
 * @param grants the roles it holds
 */
public record Caller(String username, List<Grant> grants) {

  /**
   * A role held, at a tenant when the role is bound to one, for a consulted body when the role is a
   * commission member's.
   */
  public record Grant(Role role, Optional<TenantId> tenant, Optional<String> body) {

    public Grant {
      body = body == null ? Optional.empty() : body;
    }

    /** A grant with no body. */
    public Grant(Role role, Optional<TenantId> tenant) {
      this(role, tenant, Optional.empty());
    }

    /**
     * The grant as written in answers and the audit trail: ROLE, ROLE@tenant or ROLE@tenant#body.
     */
    public String label() {
      return role.name() + tenant.map(t -> "@" + t).orElse("") + body.map(b -> "#" + b).orElse("");
    }
  }

  public Caller {
    grants = List.copyOf(grants);
  }

  public boolean holds(Role role) {
    return grants.stream().anyMatch(g -> g.role() == role);
  }

  /** The role names held anywhere: the {@code groups} of the caller's tokens. */
  public Set<String> roleNames() {
    return grants.stream().map(g -> g.role().name()).collect(Collectors.toUnmodifiableSet());
  }
}
