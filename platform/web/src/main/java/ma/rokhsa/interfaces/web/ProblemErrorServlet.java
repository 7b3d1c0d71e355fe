package ma.rokhsa.interfaces.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import ma.rokhsa.interfaces.rest.problem.Problem;
import ma.rokhsa.interfaces.rest.problem.ProblemType;
import ma.rokhsa.interfaces.rest.problem.Problems;

/**
 * The container's error page (see {@code web.xml}): an error outside the REST API, such as an
 * unknown path, is answered as a problem detail like any other.
 */
@WebServlet(name = "problem-error-page", urlPatterns = ProblemErrorServlet.PATH)
public class ProblemErrorServlet extends HttpServlet {

  static final String PATH = "/_error";
  private static final long serialVersionUID = 1L;

  private transient Jsonb jsonb;

  @Override
  public void init() {
    jsonb = JsonbBuilder.create();
  }

  @Override
  public void destroy() {
    try {
      jsonb.close();
    } catch (Exception e) {
      log("closing JSON-B", e);
    }
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri == null ? request.getRequestURI() : uri.toString();
    Throwable cause = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    ProblemType type = ProblemType.forStatus(status);
    Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
    String detail = Problems.detailFor(status, path, message instanceof String m ? m : null);
    Problem problem = Problems.of(type, status, detail, path, null, cause);
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(jsonb.toJson(problem));
  }
}
