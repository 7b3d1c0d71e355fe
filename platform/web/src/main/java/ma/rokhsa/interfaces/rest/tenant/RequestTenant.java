package ma.rokhsa.interfaces.rest.tenant;

import jakarta.enterprise.context.RequestScoped;
import ma.rokhsa.application.Caller;
import ma.rokhsa.application.TenantAccess;
import ma.rokhsa.domain.model.tenant.Tenant;

/** The tenant of the current request and the caller's access to it, as resolved by the filter. */
@RequestScoped
public class RequestTenant {

  private Tenant tenant;
  private TenantAccess access;
  private Caller caller;

  void resolve(Tenant tenant, TenantAccess access, Caller caller) {
    this.tenant = tenant;
    this.access = access;
    this.caller = caller;
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
