package ma.rokhsa.interfaces.rest.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;

/** Bean Validation failures on a request, as one problem listing each invalid field. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(ConstraintViolationException e) {
    List<Problem.FieldError> errors =
        e.getConstraintViolations().stream()
            .map(ConstraintViolationMapper::fieldError)
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    String path = ProblemResponses.path(uri);
    Problem problem =
        Problems.of(
            ProblemType.VALIDATION_FAILED,
            400,
            errors.size() + " field(s) are not valid.",
            path,
            errors,
            null);
    return ProblemResponses.builder(problem).build();
  }

  private static Problem.FieldError fieldError(ConstraintViolation<?> violation) {
    // Container elements read as their container: "grants[1]", not "grants[1].<list element>".
    String path = violation.getPropertyPath().toString().replaceAll("\\.?<[a-z ]+>", "");
    // Drop the method name that Bean Validation puts first for parameters ("deposit.arg0.name").
    int dot = path.indexOf('.');
    return new Problem.FieldError(
        dot >= 0 ? path.substring(dot + 1) : path, violation.getMessage());
  }
}
