package ma.rokhsa.interfaces.rest.tenant;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import ma.rokhsa.application.SignatureKeyService;
import ma.rokhsa.domain.model.identity.Role;
import ma.rokhsa.domain.model.signature.MandateReason;
import ma.rokhsa.interfaces.rest.RequestValues;
import ma.rokhsa.interfaces.rest.tenant.SignatureKeyRepresentations.MandateEnd;
import ma.rokhsa.interfaces.rest.tenant.SignatureKeyRepresentations.MandateView;
import ma.rokhsa.interfaces.rest.tenant.SignatureKeyRepresentations.NewMandate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Mandates: a signatory's signing power delegated to an interim signatory of the same tenant for a
 * period. Granted and ended by a tenant admin, recorded in the audit trail.
 */
@Path("tenants/{tenantId}/mandates")
@RequestScoped
@TenantBound
@Tag(name = "Signature keys")
@Produces(MediaType.APPLICATION_JSON)
public class MandateResource {

  @Inject RequestTenant request;
  @Inject SignatureKeyService keys;
  @Inject HttpServletRequest http;
  @Inject Clock clock;

  @GET
  @Operation(summary = "The tenant's mandates, newest first")
  public List<MandateView> mandates() {
    Instant now = clock.instant();
    return keys.mandates(request.tenant().id()).stream().map(m -> MandateView.of(m, now)).toList();
  }

  @GET
  @Path("{mandateId}")
  @Operation(summary = "One mandate")
  public MandateView mandate(@PathParam("mandateId") long mandateId) {
    return keys.mandate(request.tenant().id(), mandateId)
        .map(m -> MandateView.of(m, clock.instant()))
        .orElseThrow(NotFoundException::new);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Delegate a signatory's signing power to an interim signatory for a period",
      description =
          "reason: POST_ELECTION_GAP or ABSENCE. The interim signs with their own key, par"
              + " délégation, only from validFrom (inclusive) until validUntil (exclusive).")
  public Response grant(@Valid @NotNull NewMandate mandate) {
    request.access().require(Role.TENANT_ADMIN);
    var granted =
        keys.grantMandate(
            request.tenant().id(),
            mandate.delegatorId,
            mandate.interimId,
            mandate.validFrom.toInstant(),
            mandate.validUntil.toInstant(),
            RequestValues.enumValue(MandateReason.class, "reason", mandate.reason),
            mandate.note,
            request.caller().username(),
            http.getRemoteAddr());
    return Response.status(Response.Status.CREATED)
        .entity(MandateView.of(granted, clock.instant()))
        .build();
  }

  @POST
  @Path("{mandateId}/end")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "End a mandate before its planned end")
  public MandateView end(@PathParam("mandateId") long mandateId, @Valid @NotNull MandateEnd end) {
    request.access().require(Role.TENANT_ADMIN);
    return keys.endMandate(
            request.tenant().id(),
            mandateId,
            end.reason,
            request.caller().username(),
            http.getRemoteAddr())
        .map(m -> MandateView.of(m, clock.instant()))
        .orElseThrow(NotFoundException::new);
  }
}
