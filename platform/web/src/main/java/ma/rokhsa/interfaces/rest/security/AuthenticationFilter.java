package ma.rokhsa.interfaces.rest.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Optional;
import ma.rokhsa.application.AccountService;
import ma.rokhsa.application.Caller;
import ma.rokhsa.infrastructure.security.TokenVerifier;
import ma.rokhsa.interfaces.rest.problem.ProblemResponses;
import ma.rokhsa.interfaces.rest.problem.ProblemType;
import ma.rokhsa.interfaces.rest.problem.Problems;

/**
 * Authenticates every API request that carries {@code Authorization: Bearer <token>}: a valid token
 * of an enabled account makes its caller the request's principal; an invalid one is answered 401 at
 * once. A request without a token goes on anonymous (and meets {@link Allowed}).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

  private static final String BEARER = "Bearer ";

  @Inject TokenVerifier tokens;
  @Inject AccountService accounts;

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null) {
      return;
    }
    Optional<Caller> caller = Optional.empty();
    Optional<String> subject = Optional.empty();
    if (header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      subject = tokens.verify(header.substring(BEARER.length()).strip());
      caller = subject.flatMap(accounts::caller);
    }
    if (caller.isEmpty() && subject.isPresent() && accounts.disabled(subject.get())) {
      // A valid token of a disabled account: who it is is known, and it may do nothing.
      request.abortWith(
          ProblemResponses.builder(
                  Problems.of(
                      ProblemType.ACCOUNT_DISABLED,
                      403,
                      "This account is disabled: it may do nothing until an admin enables it.",
                      request.getUriInfo().getRequestUri().getRawPath(),
                      null,
                      null))
              .build());
      return;
    }
    if (caller.isEmpty()) {
      request.abortWith(
          ProblemResponses.builder(
                  Problems.of(
                      ProblemType.UNAUTHORIZED,
                      401,
                      "The bearer token is not valid, has expired, or its account is disabled.",
                      request.getUriInfo().getRequestUri().getRawPath(),
                      null,
                      null))
              .header(
                  HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"rokhsa\", error=\"invalid_token\"")
              .build());
      return;
    }
    boolean secure = request.getSecurityContext().isSecure();
    CallerPrincipal principal = new CallerPrincipal(caller.get());
    request.setSecurityContext(
        new SecurityContext() {
          @Override
          public Principal getUserPrincipal() {
            return principal;
          }

          @Override
          public boolean isUserInRole(String role) {
            return principal.caller().roleNames().contains(role);
          }

          @Override
          public boolean isSecure() {
            return secure;
          }

          @Override
          public String getAuthenticationScheme() {
            return "Bearer";
          }
        });
  }
}
