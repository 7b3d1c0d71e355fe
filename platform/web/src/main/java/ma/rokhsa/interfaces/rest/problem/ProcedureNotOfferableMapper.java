package ma.rokhsa.interfaces.rest.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import ma.rokhsa.application.ProcedureNotOfferable;

/** A procedure enabled for a kind of tenant its definition does not name: 422. */
@Provider
public class ProcedureNotOfferableMapper implements ExceptionMapper<ProcedureNotOfferable> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(ProcedureNotOfferable e) {
    return ProblemResponses.of(ProblemType.PROCEDURE_NOT_OFFERABLE, 422, e.getMessage(), uri);
  }
}
