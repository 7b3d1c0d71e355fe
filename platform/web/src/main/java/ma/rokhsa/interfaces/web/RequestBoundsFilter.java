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
 * gets.
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
    chain.doFilter(request, response);
  }
}
