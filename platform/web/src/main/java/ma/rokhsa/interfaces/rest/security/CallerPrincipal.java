package ma.rokhsa.interfaces.rest.security;

import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import ma.rokhsa.application.Caller;

/** The authenticated caller, as the principal of the request's security context. */
public record CallerPrincipal(Caller caller) implements Principal {

  @Override
  public String getName() {
    return caller.username();
  }

  /**
   * The caller of the request.
   *
   * @throws NotAuthorizedException (401) if the request carries no valid token
   */
  public static Caller of(SecurityContext security) {
    if (security != null && security.getUserPrincipal() instanceof CallerPrincipal principal) {
      return principal.caller();
    }
    throw new NotAuthorizedException("Bearer realm=\"rokhsa\"");
  }
}
