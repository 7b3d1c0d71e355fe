package ma.rokhsa.interfaces.web.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import ma.rokhsa.application.Caller;
import ma.rokhsa.application.SearchScopes;
import ma.rokhsa.application.TenantAccess;
import ma.rokhsa.application.TenantContext;
import ma.rokhsa.application.TenantDirectory;
import ma.rokhsa.domain.model.identity.Role;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.infrastructure.search.SearchScope;
import ma.rokhsa.interfaces.rest.security.ClientAddress;
import ma.rokhsa.interfaces.web.pages.Applicants.AtTenant;

/**
 * Where the back office's pages draw the tenant boundary, as {@link Applicants} does for the
 * applicant's: the caller's {@link TenantAccess} to the tenant named in the address, and the {@link
 * TenantContext} made from it ({@link TenantAccess#actor}) for the service calls a page makes. Only
 * who may read the tenant's data (its agents, its supervisors, the national admin) passes; what
 * each may change is the services' decision, from the roles in that context.
 */
@ApplicationScoped
public class Agents {

  @Inject TenantDirectory directory;
  @Inject ClientAddress clientAddress;

  /** The caller working for the administration at the tenant of this id; empty otherwise. */
  Optional<AtTenant> at(Caller caller, String tenantId, HttpServletRequest request) {
    Optional<Tenant> tenant = Tenants.id(tenantId).flatMap(directory::find);
    if (tenant.isEmpty()) {
      return Optional.empty();
    }
    TenantAccess access = TenantAccess.of(caller, tenant.get());
    if (!access.read()) {
      return Optional.empty();
    }
    return Optional.of(
        new AtTenant(
            tenant.get(),
            new TenantContext(tenant.get().id(), access.actor(caller, clientAddress.of(request)))));
  }

  /** The tenants where the caller is an agent (guichet, commission, signatory, tenant admin). */
  static List<TenantId> tenants(Caller caller) {
    TreeSet<TenantId> tenants = new TreeSet<>();
    for (Caller.Grant grant : caller.grants()) {
      if (grant.role().scope() == Role.Scope.TENANT) {
        grant.tenant().ifPresent(tenants::add);
      }
    }
    return List.copyOf(tenants);
  }

  /**
   * Whether the caller works for the administration — an agent of a commune, a supervisor of a
   * territory, the national admin — as the search scope says: the header offers the back office and
   * its search.
   */
  static boolean agent(Caller caller) {
    return SearchScopes.of(caller).filter(s -> !(s instanceof SearchScope.OwnDossiers)).isPresent();
  }
}
