package ma.rokhsa.infrastructure.persistence.jpa;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import ma.rokhsa.application.TenantContext;
import ma.rokhsa.application.TenantScoped;
import ma.rokhsa.domain.model.tenant.TenantId;
import org.eclipse.persistence.config.EntityManagerProperties;

/**
 * Sets EclipseLink's tenant on the transaction's entity manager from the {@link TenantContext} (or,
 * for background jobs, the {@link TenantId}) parameter of a {@link TenantScoped} method. Runs
 * inside the transaction ({@code @Transactional} has a lower priority number), because a tenant set
 * outside it does not carry over.
 */
@TenantScoped
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class TenantScopeInterceptor {

  @PersistenceContext(unitName = "rokhsa")
  EntityManager em;

  @AroundInvoke
  public Object scope(InvocationContext invocation) throws Exception {
    TenantId tenant = tenantOf(invocation);
    Object previous = em.getProperties().get(EntityManagerProperties.MULTITENANT_PROPERTY_DEFAULT);
    em.setProperty(EntityManagerProperties.MULTITENANT_PROPERTY_DEFAULT, tenant.value());
    try {
      return invocation.proceed();
    } finally {
      if (previous != null && !previous.equals(tenant.value())) {
        em.setProperty(EntityManagerProperties.MULTITENANT_PROPERTY_DEFAULT, previous);
      }
    }
  }

  private static TenantId tenantOf(InvocationContext invocation) {
    for (Object parameter : invocation.getParameters()) {
      if (parameter instanceof TenantId tenant) {
        return tenant;
      }
      if (parameter instanceof TenantContext context) {
        return context.tenant();
      }
    }
    throw new IllegalStateException(
        invocation.getMethod() + " is tenant-scoped but names no tenant: refusing to run unscoped");
  }
}
