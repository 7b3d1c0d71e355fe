package ma.rokhsa.interfaces.web;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import ma.rokhsa.infrastructure.lifecycle.NodeLifecycle;
import ma.rokhsa.interfaces.rest.problem.Problem;
import ma.rokhsa.interfaces.rest.problem.ProblemType;
import ma.rokhsa.interfaces.rest.problem.Problems;

/**
 * The front door of the application: counts the requests this node is serving, and while it is
 * starting or draining answers every new one with a {@code node-not-serving} problem (503, {@code
 * Retry-After}, {@code Connection: close}) so that a client or a load balancer tries again, here
 * later or on another node — never an HTML page, a 404 or a 500 from a half-deployed application.
 */
@WebFilter(filterName = "serving-gate", urlPatterns = "/*", asyncSupported = true)
public class ServingGate extends HttpFilter {

  /** Seconds a refused client should wait before trying again. */
  static final int RETRY_AFTER_SECONDS = 5;

  private static final long serialVersionUID = 1L;

  @Inject transient NodeLifecycle lifecycle;

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
      getServletContext().log("closing JSON-B", e);
    }
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!lifecycle.enter()) {
      refuse(request, response);
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      lifecycle.exit();
    }
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String detail =
        switch (lifecycle.phase()) {
          case STARTING -> "This node is starting. Try again in a few seconds.";
          default ->
              "This node is stopping. Try again: another node, or this one once restarted,"
                  + " will answer.";
        };
    Problem problem =
        Problems.of(ProblemType.NODE_NOT_SERVING, 503, detail, request.getRequestURI(), null, null);
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
    response.setHeader("Connection", "close");
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(jsonb.toJson(problem));
  }
}
