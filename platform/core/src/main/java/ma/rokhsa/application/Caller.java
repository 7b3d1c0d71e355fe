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

  /** A role held, at a tenant when the role is bound to one. */
  public record Grant(Role role, Optional<TenantId> tenant) {}

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
