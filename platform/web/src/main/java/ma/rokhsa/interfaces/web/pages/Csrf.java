package ma.rokhsa.interfaces.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Cross-site request forgery protection for every form, without server-side state (any node checks
 * it): a random token in an HttpOnly, SameSite=Lax cookie is repeated in a hidden field of each
 * form ("double submit"); a POST is accepted only when both are present and equal and, when the
 * browser sends an {@code Origin}, it is this site.
 */
final class Csrf {

  /** The cookie and the form field. */
  static final String COOKIE = "rokhsa_csrf";

  static final String FIELD = "csrf";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

  private Csrf() {}

  /** The browser's token, set in a new cookie if it has none yet. */
  static String token(HttpServletRequest request, HttpServletResponse response, boolean secure) {
    Object set = request.getAttribute(COOKIE);
    if (set instanceof String token) {
      return token;
    }
    Optional<String> existing =
        Cookies.value(request, COOKIE).filter(t -> TOKEN.matcher(t).matches());
    String token =
        existing.orElseGet(
            () -> {
              byte[] bytes = new byte[32];
              RANDOM.nextBytes(bytes);
              String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
              response.addCookie(Cookies.strict(COOKIE, fresh, null, secure));
              return fresh;
            });
    request.setAttribute(COOKIE, token);
    return token;
  }

  /** Whether this form post carries the browser's token and comes from this site. */
  static boolean accepts(HttpServletRequest request) {
    Optional<String> cookie = Cookies.value(request, COOKIE);
    String field = request.getParameter(FIELD);
    if (cookie.isEmpty() || field == null) {
      return false;
    }
    boolean same =
        MessageDigest.isEqual(
            cookie.get().getBytes(StandardCharsets.US_ASCII),
            field.getBytes(StandardCharsets.US_ASCII));
    return same && sameOrigin(request);
  }

  private static boolean sameOrigin(HttpServletRequest request) {
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return true;
    }
    String host = request.getHeader("Host");
    try {
      URI uri = URI.create(origin);
      String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      return host != null && host.equalsIgnoreCase(authority);
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }
}
