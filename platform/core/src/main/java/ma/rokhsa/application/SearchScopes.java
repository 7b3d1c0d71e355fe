package ma.rokhsa.application;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import ma.rokhsa.domain.model.identity.Role;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.infrastructure.search.SearchScope;

/**
 * Whose dossiers a caller may find, from the roles the caller holds — the one place where the scope
 * of a search is drawn (ADR 0002, ADR 0024), as {@link TenantAccess} draws a tenant's: a national
 * admin every dossier; a regional supervisor the region's; a provincial supervisor the province's;
 * an agent (guichet, commission, signatory, tenant admin) the tenants of the grants; an applicant
 * or architect only their own dossiers. Where a caller holds several, the widest territory wins (a
 * supervisor who is also an agent of one commune searches the territory, which holds the commune);
 * two regions or two provinces are not merged: the first one (by id) is taken, which can only
 * narrow.
 */
public final class SearchScopes {

  private SearchScopes() {}

  /** The caller's scope; empty if the caller may search nothing. */
  public static Optional<SearchScope> of(Caller caller) {
    if (caller.holds(Role.NATIONAL_ADMIN)) {
      return Optional.of(new SearchScope.National());
    }
    Optional<TenantId> region = first(caller, Role.REGIONAL_SUPERVISOR);
    if (region.isPresent()) {
      return Optional.of(new SearchScope.Region(region.get().value()));
    }
    Optional<TenantId> province = first(caller, Role.PROVINCIAL_SUPERVISOR);
    if (province.isPresent()) {
      return Optional.of(new SearchScope.Province(province.get().value()));
    }
    Set<String> tenants = new TreeSet<>();
    for (Caller.Grant grant : caller.grants()) {
      if (grant.role().scope() == Role.Scope.TENANT) {
        grant.tenant().ifPresent(t -> tenants.add(t.value()));
      }
    }
    if (!tenants.isEmpty()) {
      return Optional.of(new SearchScope.Tenants(tenants));
    }
    if (caller.holds(Role.APPLICANT) || caller.holds(Role.ARCHITECT)) {
      return Optional.of(new SearchScope.OwnDossiers(caller.username()));
    }
    return Optional.empty();
  }

  private static Optional<TenantId> first(Caller caller, Role role) {
    return caller.grants().stream()
        .filter(g -> g.role() == role)
        .flatMap(g -> g.tenant().stream())
        .sorted()
        .findFirst();
  }
}
