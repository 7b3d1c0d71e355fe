package ma.rokhsa.interfaces.rest.tenant;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link TenantBound} resource that applicants and architects reach in any tenant, for
 * their own dossiers: {@link TenantAccessFilter} lets them in (reads and writes); the service
 * behind it shows them only what is theirs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface OpenToApplicants {}
