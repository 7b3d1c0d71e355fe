package ma.rokhsa.application;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a service whose methods work on one tenant's data: each such method takes the {@link
 * TenantContext} (a request's) or the {@link ma.rokhsa.domain.model.tenant.TenantId} (a background
 * job's) it works for as a parameter, and the persistence layer filters everything it reads and
 * writes by that tenant, for the whole transaction. A method without a tenant parameter fails
 * closed. This is the one place where the tenant of tenant-owned data is set — for requests and
 * background jobs alike.
 */
@InterceptorBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface TenantScoped {}
