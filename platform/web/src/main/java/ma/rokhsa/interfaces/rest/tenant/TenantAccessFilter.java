package ma.rokhsa.interfaces.rest.tenant;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import ma.rokhsa.application.Actor;
import ma.rokhsa.application.Caller;
import ma.rokhsa.application.TenantAccess;
import ma.rokhsa.application.TenantContext;
import ma.rokhsa.application.TenantDirectory;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.interfaces.rest.security.CallerPrincipal;
import ma.rokhsa.interfaces.rest.security.ClientAddress;

/**
 * The one place where a request's tenant boundary is drawn. For every {@link TenantBound} resource:
 * resolves the tenant named in the path and the caller's access to it. A tenant the caller may not
 * see is answered 404 exactly as one that does not exist, so that its existence is not revealed;
 * read-only callers (supervisors) get 403 on anything but GET. The resource then finds both in
 * {@link RequestTenant}.
 */
@Provider
@TenantBound
@Priority(Priorities.AUTHORIZATION)
public class TenantAccessFilter implements ContainerRequestFilter {

  @Context ResourceInfo resource;
  @Context HttpServletRequest http;
  @Inject TenantDirectory directory;
  @Inject RequestTenant requestTenant;
  @Inject ClientAddress clientAddress;

  /** Whether the matched resource serves applicants' own dossiers too. */
  private boolean openToApplicants() {
    return resource.getResourceClass() != null
        && resource.getResourceClass().isAnnotationPresent(OpenToApplicants.class);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Caller caller = CallerPrincipal.of(request.getSecurityContext());
    String id = request.getUriInfo().getPathParameters().getFirst("tenantId");
    TenantId tenantId;
    try {
      tenantId = TenantId.of(id);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new NotFoundException();
    }
    Tenant tenant = directory.find(tenantId).orElseThrow(NotFoundException::new);
    TenantAccess access = TenantAccess.of(caller, tenant);
    boolean forApplicants = openToApplicants() && access.applicant();
    if (!access.read() && !forApplicants) {
      throw new NotFoundException();
    }
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method) && !forApplicants) {
      access.requireWrite();
    }
    Actor actor = access.actor(caller, clientAddress.of(http));
    requestTenant.resolve(tenant, access, caller, new TenantContext(tenantId, actor));
  }
}
