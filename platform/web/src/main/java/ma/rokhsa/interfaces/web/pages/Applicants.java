package ma.rokhsa.interfaces.web.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import ma.rokhsa.application.Caller;
import ma.rokhsa.application.TenantAccess;
import ma.rokhsa.application.TenantContext;
import ma.rokhsa.application.TenantDirectory;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.interfaces.rest.security.ClientAddress;

/**
 * Where the applicant's pages draw the tenant boundary, as the API's tenant filter does: the
 * caller's {@link TenantAccess} to the tenant named in the address, and the {@link TenantContext}
 * made from it for the one service call a page makes. Only applicants and architects act here, for
 * their own dossiers (the services show them nothing else); anyone else finds nothing.
 */
@ApplicationScoped
public class Applicants {

  @Inject TenantDirectory directory;
  @Inject ClientAddress clientAddress;

  /**
   * An applicant at a tenant.
   *
   * @param tenant the tenant named in the address
   * @param context who acts there, for the services
   */
  public record AtTenant(Tenant tenant, TenantContext context) {}

  /** The caller as an applicant at the tenant of this id; empty if there is no such place. */
  Optional<AtTenant> at(Caller caller, String tenantId, HttpServletRequest request) {
    Optional<Tenant> tenant = Tenants.id(tenantId).flatMap(directory::find);
    if (tenant.isEmpty()) {
      return Optional.empty();
    }
    TenantAccess access = TenantAccess.of(caller, tenant.get());
    if (!access.applicant()) {
      return Optional.empty();
    }
    return Optional.of(
        new AtTenant(
            tenant.get(),
            new TenantContext(tenant.get().id(), access.actor(caller, clientAddress.of(request)))));
  }
}
