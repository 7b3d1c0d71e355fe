package ma.rokhsa.interfaces.rest.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import ma.rokhsa.application.ProcedureUnavailable;

/** The procedure version a dossier follows is not started: 503 until it is back. */
@Provider
public class ProcedureUnavailableMapper implements ExceptionMapper<ProcedureUnavailable> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(ProcedureUnavailable e) {
    return ProblemResponses.of(ProblemType.PROCEDURE_UNAVAILABLE, 503, e.getMessage(), uri);
  }
}
