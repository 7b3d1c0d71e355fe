package ma.rokhsa.interfaces.rest.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import ma.rokhsa.domain.model.identity.Role;

/**
 * The roles that may call a resource method (or every method of a resource class): the caller must
 * hold one of them, somewhere. Enforced by {@link AllowedFeature}; what a role allows in one tenant
 * is decided by {@link ma.rokhsa.application.TenantAccess}.
 *
 * <p>Not {@code jakarta.annotation.security.RolesAllowed}: Payara would also enforce that one with
 * the servlet container's own authentication, which knows nothing of bearer tokens.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Allowed {
  Role[] value();
}
