package ma.rokhsa.interfaces.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import ma.rokhsa.interfaces.web.theme.Language;

/**
 * The language switch: {@code /language?to=ar&return=/path} remembers the choice in a cookie for a
 * year and goes back to the page (a path of this site only: never elsewhere).
 */
@WebServlet(name = "language", urlPatterns = LanguageServlet.PATH)
public class LanguageServlet extends HttpServlet {

  static final String PATH = "/language";
  private static final long serialVersionUID = 1L;

  @Inject transient WebSession session;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) {
    Language language = Language.of(request.getParameter("to")).orElse(Language.FR);
    Cookie cookie =
        Cookies.strict(
            Pages.LANGUAGE_COOKIE, language.code(), Duration.ofDays(365), session.secure(request));
    response.addCookie(cookie);
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", Pages.localPath(request.getParameter("return")));
    response.setHeader("Cache-Control", "no-store");
  }
}
