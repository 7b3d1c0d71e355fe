package ma.rokhsa.interfaces.rest.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import ma.rokhsa.domain.RuleViolation;

/** A domain rule forbids the action in the current state: 409, with what is allowed instead. */
@Provider
public class RuleViolationMapper implements ExceptionMapper<RuleViolation> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(RuleViolation e) {
    List<Problem.FieldError> allowed =
        e.allowed().stream().map(a -> new Problem.FieldError("allowed", a)).toList();
    Problem problem =
        Problems.of(
            ProblemType.CONFLICT,
            409,
            e.getMessage(),
            ProblemResponses.path(uri),
            allowed.isEmpty() ? null : allowed,
            null);
    if (!e.allowed().isEmpty()) {
      problem = problem.about(null, null, e.allowed());
    }
    return ProblemResponses.builder(problem).build();
  }
}
