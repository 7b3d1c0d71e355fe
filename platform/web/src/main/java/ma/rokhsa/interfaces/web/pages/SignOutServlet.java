package ma.rokhsa.interfaces.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** Sign-out, {@code POST /sign-out} (a form with its CSRF token): ends the session cookie. */
@WebServlet(name = "sign-out", urlPatterns = "/sign-out")
public class SignOutServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient Pages pages;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!Csrf.accepts(request)) {
      Page page = pages.open(request, response, pages.themes().national());
      pages.render(page, "expired", Map.of(), HttpServletResponse.SC_FORBIDDEN, request, response);
      return;
    }
    pages.session().end(request, response);
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", "/");
    response.setHeader("Cache-Control", "no-store");
  }
}
