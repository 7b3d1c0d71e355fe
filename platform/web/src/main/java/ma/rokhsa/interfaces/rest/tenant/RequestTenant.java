package ma.rokhsa.interfaces.rest.tenant;

import jakarta.enterprise.context.RequestScoped;
import ma.rokhsa.application.Caller;
import ma.rokhsa.application.TenantAccess;
import ma.rokhsa.application.TenantContext;
import ma.rokhsa.domain.model.tenant.Tenant;

/**
 * The tenant of the current request, the caller's access to it and the {@link TenantContext} made
 * from both, as resolved once by {@link TenantAccessFilter}.
 */
@RequestScoped
public class RequestTenant {

  private Tenant tenant;
  private TenantAccess access;
  private Caller caller;
  private TenantContext context;

  void resolve(Tenant tenant, TenantAccess access, Caller caller, TenantContext context) {
    this.tenant = tenant;
    this.access = access;
    this.caller = caller;
    this.context = context;
  }

  /** The request's tenant and who acts there, for the one service call the request makes. */
  public TenantContext context() {
    return require(context);
  }

  public Tenant tenant() {
    return require(tenant);
  }

  public TenantAccess access() {
    return require(access);
  }

  public Caller caller() {
    return require(caller);
  }

  private static <T> T require(T value) {
    if (value == null) {
      throw new IllegalStateException(
          "no tenant resolved for this request: is the resource @TenantBound?");
    }
    return value;
  }
}
