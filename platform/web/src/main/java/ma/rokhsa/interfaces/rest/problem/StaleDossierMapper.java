package ma.rokhsa.interfaces.rest.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import ma.rokhsa.application.StaleDossier;

/** Another agent changed the dossier first: 409 with its current state and version. */
@Provider
public class StaleDossierMapper implements ExceptionMapper<StaleDossier> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(StaleDossier e) {
    Problem problem =
        Problems.of(
                ProblemType.DOSSIER_CHANGED,
                409,
                e.getMessage(),
                ProblemResponses.path(uri),
                null,
                null)
            .about(e.state(), e.version(), null);
    return ProblemResponses.builder(problem).build();
  }
}
