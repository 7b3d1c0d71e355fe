package ma.rokhsa.interfaces.rest.tenant;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource under {@code /api/tenants/{tenantId}}: {@link TenantAccessFilter} resolves the
 * tenant and the caller's access before any of its methods runs.
 */
@NameBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface TenantBound {}
