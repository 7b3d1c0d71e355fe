package ma.rokhsa.interfaces.web.pages;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;

/** The pages' cookies: read one, and write one HttpOnly and SameSite=Lax. */
final class Cookies {

  private Cookies() {}

  static Optional<String> value(HttpServletRequest request, String name) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie cookie : cookies) {
      if (name.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
        return Optional.of(cookie.getValue());
      }
    }
    return Optional.empty();
  }

  /**
   * An HttpOnly, SameSite=Lax cookie for the whole site; {@code maxAge} null for a cookie that
   * lasts as long as the browser, zero to delete it.
   */
  static Cookie strict(String name, String value, Duration maxAge, boolean secure) {
    Cookie cookie = new Cookie(name, value);
    cookie.setPath("/");
    cookie.setHttpOnly(true);
    cookie.setSecure(secure);
    cookie.setAttribute("SameSite", "Lax");
    if (maxAge != null) {
      cookie.setMaxAge((int) Math.min(Integer.MAX_VALUE, maxAge.toSeconds()));
    }
    return cookie;
  }
}
