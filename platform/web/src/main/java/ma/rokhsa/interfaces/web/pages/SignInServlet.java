package ma.rokhsa.interfaces.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.rokhsa.application.AccountService;
import ma.rokhsa.application.Caller;
import ma.rokhsa.application.PasswordChangeRequired;
import ma.rokhsa.application.SecondFactorEnrollmentRequired;
import ma.rokhsa.application.SecondFactorRequired;

/**
 * The sign-in page, {@code /sign-in}: a form posted back here, checked with the platform's sign-in
 * service (the same rules as {@code POST /api/auth/token}: one answer for every refusal, accounts
 * locked after repeated failures). Errors are tied to their field and summarized at the top; a
 * right sign-in starts the session cookie and goes back where the user came from.
 */
@WebServlet(name = "sign-in-page", urlPatterns = SignInServlet.PATH)
public class SignInServlet extends HttpServlet {

  static final String PATH = "/sign-in";
  private static final long serialVersionUID = 1L;
  private static final int MAX_USERNAME = 100;
  private static final int MAX_PASSWORD = 1024;

  @Inject transient Pages pages;
  @Inject transient AccountService accounts;

  /**
   * An error of the form.
   *
   * @param field the id of the field it concerns (the summary links to it)
   * @param key the message key of its text
   */
  public record FieldError(String field, String key) {}

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    show(request, response, "", List.of(), HttpServletResponse.SC_OK);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    request.setCharacterEncoding("UTF-8");
    String username = Optional.ofNullable(request.getParameter("username")).orElse("").strip();
    String password = Optional.ofNullable(request.getParameter("password")).orElse("");
    Optional<String> code =
        Optional.ofNullable(request.getParameter("code"))
            .map(String::strip)
            .filter(c -> !c.isEmpty());
    if (!Csrf.accepts(request)) {
      show(
          request,
          response,
          username,
          List.of(new FieldError("username", "form.error.expired")),
          HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    List<FieldError> errors = new ArrayList<>();
    if (username.isEmpty() || username.length() > MAX_USERNAME) {
      errors.add(new FieldError("username", "signin.error.username"));
    }
    if (password.isEmpty() || password.length() > MAX_PASSWORD) {
      errors.add(new FieldError("password", "signin.error.password"));
    }
    if (!errors.isEmpty()) {
      show(request, response, username, errors, 422);
      return;
    }
    Optional<Caller> caller;
    try {
      caller = accounts.authenticate(username, password.toCharArray(), code, "");
    } catch (SecondFactorRequired e) {
      show(
          request,
          response,
          username,
          List.of(new FieldError("code", "signin.error.code-required")),
          422);
      return;
    } catch (SecondFactorEnrollmentRequired e) {
      show(
          request,
          response,
          username,
          List.of(new FieldError("username", "signin.error.enrollment-required")),
          403);
      return;
    } catch (PasswordChangeRequired e) {
      show(
          request,
          response,
          username,
          List.of(new FieldError("password", "signin.error.password-change")),
          403);
      return;
    }
    if (caller.isEmpty()) {
      show(
          request,
          response,
          username,
          List.of(new FieldError("username", "signin.error.refused")),
          422);
      return;
    }
    pages.session().start(caller.get(), request, response);
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", Pages.localPath(request.getParameter("return")));
    response.setHeader("Cache-Control", "no-store");
  }

  private void show(
      HttpServletRequest request,
      HttpServletResponse response,
      String username,
      List<FieldError> errors,
      int status)
      throws IOException {
    Page page = pages.open(request, response, pages.themes().national());
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("username", username);
    model.put("errors", errors);
    Map<String, String> byField = new LinkedHashMap<>();
    errors.forEach(e -> byField.putIfAbsent(e.field(), e.key()));
    model.put("fieldErrors", byField);
    model.put("returnTo", Pages.localPath(request.getParameter("return")));
    pages.render(page, "sign-in", model, status, request, response);
  }
}
