package ma.rokhsa.interfaces.web.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import ma.rokhsa.application.AccessTokens;
import ma.rokhsa.application.AccountService;
import ma.rokhsa.application.Caller;
import ma.rokhsa.infrastructure.config.RokhsaSettings;
import ma.rokhsa.infrastructure.security.TokenVerifier;

/**
 * The signed-in session of the pages: the platform's own signed access token, kept in an HttpOnly,
 * SameSite=Lax cookie (Secure over https). Nothing is kept on the server, so any node of a cluster
 * serves any request; the session ends when the token expires ({@code rokhsa.auth.token-ttl}) or at
 * sign-out. Never in a URL; never accepted by the API, which takes bearer tokens only.
 */
@ApplicationScoped
public class WebSession {

  /** The session cookie. */
  public static final String COOKIE = "rokhsa_session";

  @Inject TokenVerifier tokens;
  @Inject AccountService accounts;
  @Inject AccessTokens issuer;
  @Inject RokhsaSettings settings;

  /** Who is signed in, if the cookie holds a valid token of an enabled account. */
  public Optional<Caller> caller(HttpServletRequest request) {
    return Cookies.value(request, COOKIE).flatMap(tokens::verify).flatMap(accounts::caller);
  }

  /** Starts a session for this caller. */
  public void start(Caller caller, HttpServletRequest request, HttpServletResponse response) {
    AccessTokens.Issued issued = issuer.issue(caller);
    response.addCookie(Cookies.strict(COOKIE, issued.token(), issued.validFor(), secure(request)));
  }

  /** Ends the session in this browser. */
  public void end(HttpServletRequest request, HttpServletResponse response) {
    response.addCookie(Cookies.strict(COOKIE, "", Duration.ZERO, secure(request)));
  }

  /** Whether cookies must be Secure: the request came over https, or the platform is on https. */
  public boolean secure(HttpServletRequest request) {
    return request.isSecure() || "https".equalsIgnoreCase(settings.publicUrl().getScheme());
  }
}
