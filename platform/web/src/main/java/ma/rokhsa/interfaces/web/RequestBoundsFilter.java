package ma.rokhsa.interfaces.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Bounds what reaches the application, before anything reads it: a URL (path and query) longer than
 * {@code rokhsa.http.max-url-length} characters is answered 414, as a problem detail (the error
 * page). The container's own limit on the request line and headers is set well above it (see {@code
 * pre-boot-commands.asadmin}), so that this answer, not the container's empty 400, is what a client
 * gets. A query parameter holding the NUL character ({@code %00}) is answered 400 naming it: no
 * value the platform looks up or keeps may contain one (PostgreSQL refuses it).
 */
@WebFilter(filterName = "request-bounds", urlPatterns = "/*")
public class RequestBoundsFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** 8 KiB, what common proxies and browsers accept. */
  static final int DEFAULT_MAX_URL_LENGTH = 8192;

  private final int maxUrlLength =
      ConfigProvider.getConfig()
          .getOptionalValue("rokhsa.http.max-url-length", Integer.class)
          .orElse(DEFAULT_MAX_URL_LENGTH);

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String query = request.getQueryString();
    int length = request.getRequestURI().length() + (query == null ? 0 : query.length() + 1);
    if (length > maxUrlLength) {
      response.sendError(
          414, "The URL is " + length + " characters long; its bound is " + maxUrlLength + ".");
      return;
    }
    String nul = parameterWithNul(query);
    if (nul != null) {
      response.sendError(
          400,
          "The query parameter '" + nul + "' holds a NUL character (%00), which no value may.");
      return;
    }
    chain.doFilter(request, response);
  }

  /** The name of the first query parameter whose raw text holds {@code %00}, or null. */
  static String parameterWithNul(String query) {
    if (query == null || !query.contains("%00")) {
      return null;
    }
    for (String pair : query.split("&")) {
      if (pair.contains("%00")) {
        int equals = pair.indexOf('=');
        String name = equals < 0 ? pair : pair.substring(0, equals);
        return name.length() > 64 ? name.substring(0, 64) + "…" : name;
      }
    }
    return null;
  }
}
