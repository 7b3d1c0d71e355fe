package ma.rokhsa.interfaces.rest.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import ma.rokhsa.interfaces.rest.problem.ProblemResponses;
import ma.rokhsa.interfaces.rest.problem.ProblemType;
import ma.rokhsa.interfaces.rest.problem.Problems;

/**
 * Enforces {@link Allowed} on resource methods (or their class): 401 without a valid token, 403
 * when the caller holds none of the roles. Roles held in any tenant count here; what a role allows
 * in a given tenant is decided by {@link ma.rokhsa.application.TenantAccess}.
 */
@Provider
public class AllowedFeature implements DynamicFeature {

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    Method method = resource.getResourceMethod();
    Allowed allowed = method.getAnnotation(Allowed.class);
    if (allowed == null) {
      allowed = resource.getResourceClass().getAnnotation(Allowed.class);
    }
    if (allowed != null) {
      context.register(
          new RolesFilter(
              Arrays.stream(allowed.value())
                  .map(Enum::name)
                  .collect(Collectors.toUnmodifiableSet())));
    }
  }

  @Priority(Priorities.AUTHORIZATION)
  static final class RolesFilter implements ContainerRequestFilter {

    private final Set<String> roles;

    RolesFilter(Set<String> roles) {
      this.roles = roles;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      String path = request.getUriInfo().getRequestUri().getRawPath();
      if (!(request.getSecurityContext().getUserPrincipal() instanceof CallerPrincipal)) {
        request.abortWith(
            ProblemResponses.builder(
                    Problems.of(
                        ProblemType.UNAUTHORIZED,
                        401,
                        "Sign in first: send a bearer token.",
                        path,
                        null,
                        null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"rokhsa\"")
                .build());
        return;
      }
      if (roles.stream().noneMatch(request.getSecurityContext()::isUserInRole)) {
        request.abortWith(
            ProblemResponses.builder(
                    Problems.of(
                        ProblemType.FORBIDDEN,
                        403,
                        "This needs one of the roles "
                            + Arrays.stream(roles.toArray(String[]::new))
                                .sorted()
                                .collect(Collectors.joining(", "))
                            + ".",
                        path,
                        null,
                        null))
                .build());
      }
    }
  }
}
