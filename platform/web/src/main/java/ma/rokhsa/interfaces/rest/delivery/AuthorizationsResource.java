package ma.rokhsa.interfaces.rest.delivery;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ma.rokhsa.application.AuthorizationDelivery;
import ma.rokhsa.application.NotFound;
import ma.rokhsa.application.TenantContext;
import ma.rokhsa.domain.model.document.AuthorizationId;
import ma.rokhsa.interfaces.rest.tenant.RequestTenant;
import ma.rokhsa.interfaces.rest.tenant.TenantBound;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's delivered authorizations: revoking one (the authority, motivated, audited). */
@Path("tenants/{tenantId}/authorizations")
@RequestScoped
@TenantBound
@Tag(name = "Signatures")
@Produces(MediaType.APPLICATION_JSON)
public class AuthorizationsResource {

  @Inject RequestTenant request;
  @Inject AuthorizationDelivery delivery;

  private TenantContext context;

  @PostConstruct
  void resolved() {
    context = request.context();
  }

  /** Why a document is revoked. */
  @Schema(name = "Revocation")
  public static class Revocation {
    @Schema(description = "Why, as the public verification will show it", required = true)
    @NotBlank @Size(max = 1000) public String reason;
  }

  @POST
  @Path("{documentId}/revocation")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Revoke a delivered authorization",
      description =
          "For good, motivated, audited; the public verification shows it revoked at once."
              + " Signatories and the tenant's admins only.")
  public VerificationResource.DocumentView revoke(
      @PathParam("documentId") String documentId, @Valid @NotNull Revocation revocation) {
    AuthorizationId id;
    try {
      id = AuthorizationId.parse(documentId);
    } catch (IllegalArgumentException e) {
      throw new NotFound("no such document");
    }
    return VerificationResource.DocumentView.of(delivery.revoke(context, id, revocation.reason));
  }
}
