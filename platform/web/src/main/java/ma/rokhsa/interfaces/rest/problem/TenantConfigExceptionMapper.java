package ma.rokhsa.interfaces.rest.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import ma.rokhsa.infrastructure.tenantconfig.ConfigProblem;
import ma.rokhsa.infrastructure.tenantconfig.TenantConfigException;

/** A broken tenant configuration: 422, each problem with its file and line; nothing applied. */
@Provider
public class TenantConfigExceptionMapper implements ExceptionMapper<TenantConfigException> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(TenantConfigException e) {
    List<Problem.FieldError> errors =
        e.problems().stream().map(p -> new Problem.FieldError(location(p), p.message())).toList();
    Problem problem =
        Problems.of(
            ProblemType.INVALID_CONFIGURATION,
            422,
            errors.size() + " problem(s) in tenant-config; nothing was applied.",
            ProblemResponses.path(uri),
            errors,
            null);
    return ProblemResponses.builder(problem).build();
  }

  private static String location(ConfigProblem problem) {
    return problem.line() > 0 ? problem.file() + ":" + problem.line() : problem.file();
  }
}
