package ma.rokhsa.interfaces.rest.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Optional;
import ma.rokhsa.interfaces.rest.InvalidParameter;

/**
 * Errors that JAX-RS raises itself (no such resource, method not allowed, unsupported media type…)
 * and those resources throw on purpose, as problem details. Headers that tell the client how to
 * recover ({@code Allow}, {@code WWW-Authenticate}, {@code Retry-After}) are kept. A parameter that
 * cannot be used (an {@link InvalidParameter}, or a query or header parameter JAX-RS cannot
 * convert) is answered 400 naming it in {@code invalid-params}.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  private static final List<String> KEPT_HEADERS =
      List.of(HttpHeaders.ALLOW, HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.RETRY_AFTER);

  @Context UriInfo uri;

  @Override
  public Response toResponse(WebApplicationException e) {
    Response original = e.getResponse();
    int status = original.getStatus();
    String path = ProblemResponses.path(uri);
    Problem problem;
    Optional<Problem.InvalidParam> invalid = invalidParameter(e);
    if (e instanceof MalformedBody) {
      problem = Problems.of(ProblemType.MALFORMED_BODY, e.getMessage(), path);
    } else if (status == 400 && ProblemResponses.isMalformedBody(e)) {
      problem =
          Problems.of(ProblemType.MALFORMED_BODY, ProblemResponses.MALFORMED_BODY_DETAIL, path);
    } else if (invalid.isPresent()) {
      Problem.InvalidParam param = invalid.get();
      problem =
          Problems.of(
                  ProblemType.BAD_REQUEST,
                  400,
                  param.reason().startsWith(param.name())
                      ? param.reason()
                      : param.name() + ": " + param.reason(),
                  path,
                  null,
                  null)
              .naming(List.of(param));
    } else {
      ProblemType type = ProblemType.forStatus(status);
      problem =
          Problems.of(
              type,
              status,
              Problems.detailFor(status, path, e.getMessage()),
              path,
              null,
              status >= 500 ? e : null);
    }
    Response.ResponseBuilder response = ProblemResponses.builder(problem);
    for (String header : KEPT_HEADERS) {
      Object value = original.getHeaderString(header);
      if (value != null) {
        response.header(header, value);
      }
    }
    return response.build();
  }

  /**
   * The parameter at fault: one the application named, or one Jersey could not convert (its {@code
   * ParamException}, read reflectively to keep Jersey out of the compile path). A path parameter
   * that cannot be converted names nothing that exists: it stays a 404.
   */
  static Optional<Problem.InvalidParam> invalidParameter(WebApplicationException e) {
    if (e instanceof InvalidParameter p) {
      return Optional.of(new Problem.InvalidParam(p.parameter(), p.getMessage()));
    }
    for (Class<?> type = e.getClass(); type != null; type = type.getSuperclass()) {
      if (type.getName().equals("org.glassfish.jersey.server.ParamException")) {
        try {
          Object kind = type.getMethod("getParameterType").invoke(e);
          String name = String.valueOf(type.getMethod("getParameterName").invoke(e));
          if (kind instanceof Class<?> annotation
              && Annotation.class.isAssignableFrom(annotation)
              && !annotation.getSimpleName().equals("PathParam")) {
            String where = annotation.getSimpleName().replace("Param", "").toLowerCase();
            return Optional.of(
                new Problem.InvalidParam(
                    name, "this " + where + " parameter does not have the expected type"));
          }
        } catch (ReflectiveOperationException | RuntimeException unreadable) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }
}
