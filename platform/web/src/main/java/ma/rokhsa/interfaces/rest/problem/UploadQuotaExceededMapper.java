package ma.rokhsa.interfaces.rest.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import ma.rokhsa.application.UploadQuotaExceeded;

/** An upload past its account's quota: 413 {@code upload-quota-exceeded}; nothing was kept. */
@Provider
public class UploadQuotaExceededMapper implements ExceptionMapper<UploadQuotaExceeded> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(UploadQuotaExceeded e) {
    return ProblemResponses.of(ProblemType.UPLOAD_QUOTA_EXCEEDED, 413, e.getMessage(), uri);
  }
}
