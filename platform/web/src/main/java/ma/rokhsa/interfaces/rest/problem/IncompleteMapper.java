package ma.rokhsa.interfaces.rest.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Locale;
import ma.rokhsa.application.Incomplete;

/**
 * A dossier that cannot be submitted as it is: 422, each missing or invalid item with its message
 * in French and in Arabic ({@code fr}, {@code ar}, as {@code GET …/validation} gives them), and in
 * {@code message} the caller's language (Arabic when preferred, French otherwise).
 */
@Provider
public class IncompleteMapper implements ExceptionMapper<Incomplete> {

  @Context UriInfo uri;
  @Context HttpHeaders headers;

  @Override
  public Response toResponse(Incomplete e) {
    String lang = arabic() ? "ar" : "fr";
    List<Problem.FieldError> errors =
        e.violations().stream()
            .map(
                v ->
                    new Problem.FieldError(
                        v.field(), v.message().in(lang), v.message().fr(), v.message().ar()))
            .toList();
    Problem problem =
        Problems.of(
            ProblemType.DOSSIER_INCOMPLETE,
            422,
            e.getMessage(),
            ProblemResponses.path(uri),
            errors,
            null);
    return ProblemResponses.builder(problem).build();
  }

  private boolean arabic() {
    List<Locale> languages = headers.getAcceptableLanguages();
    return !languages.isEmpty() && "ar".equals(languages.get(0).getLanguage());
  }
}
