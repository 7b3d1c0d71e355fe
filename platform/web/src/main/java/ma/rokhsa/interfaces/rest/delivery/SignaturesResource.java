package ma.rokhsa.interfaces.rest.delivery;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import ma.rokhsa.application.AccessDenied;
import ma.rokhsa.application.DeliveryService;
import ma.rokhsa.application.DeliveryService.Outcome;
import ma.rokhsa.application.DossierFile;
import ma.rokhsa.application.InvalidInput;
import ma.rokhsa.application.LegalTime;
import ma.rokhsa.application.NotFound;
import ma.rokhsa.application.StaleDossier;
import ma.rokhsa.application.TenantContext;
import ma.rokhsa.domain.RuleViolation;
import ma.rokhsa.domain.model.dossier.DossierId;
import ma.rokhsa.domain.model.dossier.DossierRepository.ListPosition;
import ma.rokhsa.interfaces.rest.ParameterRefused;
import ma.rokhsa.interfaces.rest.dossier.DossierRepresentations.DossierSummary;
import ma.rokhsa.interfaces.rest.dossier.ListCursor;
import ma.rokhsa.interfaces.rest.problem.ProblemType;
import ma.rokhsa.interfaces.rest.tenant.RequestTenant;
import ma.rokhsa.interfaces.rest.tenant.TenantBound;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A signatory's desk: the dossiers awaiting their signature, and signing a batch of them in one
 * session — one PIN entry, each dossier delivered in a transaction of its own.
 */
@Path("tenants/{tenantId}/signatures")
@RequestScoped
@TenantBound
@Tag(name = "Signatures")
@Produces(MediaType.APPLICATION_JSON)
public class SignaturesResource {

  /** The most dossiers signed in one session. */
  static final int MAX_BATCH = 100;

  /** The largest page of the pending list. */
  static final int MAX_PENDING = 500;

  @Inject RequestTenant request;
  @Inject DeliveryService delivery;
  @Inject LegalTime time;
  @Context UriInfo uri;

  private TenantContext context;

  @PostConstruct
  void resolved() {
    context = request.context();
  }

  @GET
  @Path("pending")
  @Operation(
      summary = "The dossiers awaiting the caller's signature, a page at a time",
      description =
          "Longest unchanged first. limit (1-"
              + MAX_PENDING
              + ", default 100); when more follow, a Link header rel=\"next\" gives the next"
              + " page's URL (cursor=…), as the dossier list does.")
  public Response pending(
      @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("cursor") String cursor) {
    Optional<ListPosition> after = Optional.empty();
    if (cursor != null && !cursor.isBlank()) {
      try {
        after = Optional.of(ListCursor.decode(cursor.strip()));
      } catch (ParameterRefused refused) {
        throw refused.toInvalidParameter();
      }
    }
    int size = Math.max(1, Math.min(limit, MAX_PENDING));
    // One more than asked: whether a next page exists, without counting.
    List<DossierFile> found = delivery.awaitingSignature(context, after, size + 1);
    List<DossierFile> page = found.size() > size ? found.subList(0, size) : found;
    Response.ResponseBuilder response =
        Response.ok(page.stream().map(f -> DossierSummary.of(f.dossier(), time.today())).toList());
    if (found.size() > size) {
      String next = ListCursor.encode(ListPosition.of(page.get(page.size() - 1).dossier()));
      response.link(uri.getRequestUriBuilder().replaceQueryParam("cursor", next).build(), "next");
    }
    return response.build();
  }

  /** A batch to sign. */
  @Schema(name = "SignatureBatch")
  public static class Batch {
    @Schema(description = "The dossiers to sign, in order", required = true)
    @NotEmpty @Size(max = MAX_BATCH) public List<@NotBlank @Size(max = 36) String> dossiers;

    @Schema(
        description = "The PIN that unlocks the caller's key for this session; never stored.",
        required = true)
    @NotNull @Size(min = 1, max = 128) public String pin;
  }

  /**
   * What became of one dossier of a batch.
   *
   * @param problem the problem type the dossier alone would have been answered with
   */
  public record OutcomeView(
      String dossier,
      boolean signed,
      String documentId,
      String state,
      String problem,
      String detail) {

    static OutcomeView of(Outcome o) {
      if (o.delivered().isPresent()) {
        var d = o.delivered().get();
        return new OutcomeView(
            o.dossier().value(),
            true,
            d.documentId(),
            d.dossier().dossier().state().orElse(null),
            null,
            null);
      }
      RuntimeException e = o.failure().orElseThrow();
      ProblemType type =
          StaleDossier.changedMeanwhile(e)
              ? ProblemType.DOSSIER_CHANGED
              : e instanceof RuleViolation
                  ? ProblemType.CONFLICT
                  : e instanceof NotFound
                      ? ProblemType.NOT_FOUND
                      : e instanceof AccessDenied
                          ? ProblemType.FORBIDDEN
                          : e instanceof InvalidInput
                              ? ProblemType.BAD_REQUEST
                              : ProblemType.INTERNAL_ERROR;
      return new OutcomeView(
          o.dossier().value(),
          false,
          null,
          null,
          type.uri().toString(),
          type == ProblemType.INTERNAL_ERROR ? null : e.getMessage());
    }
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Sign a batch of dossiers in one session (one PIN)",
      description =
          "The key is opened once: a wrong PIN (422 wrong-pin) or a key that cannot sign (403"
              + " signing-key-unusable) refuses the whole batch before anything is written. Each"
              + " dossier is then signed and delivered on its own; the answer says, per dossier,"
              + " its document or the problem it met.")
  public List<OutcomeView> sign(@Valid @NotNull Batch batch) {
    List<DossierId> ids = new ArrayList<>();
    for (String id : batch.dossiers) {
      try {
        ids.add(DossierId.of(id));
      } catch (IllegalArgumentException e) {
        throw new InvalidInput("dossiers: not a dossier id: " + id);
      }
    }
    char[] pin = batch.pin.toCharArray();
    batch.pin = null;
    return delivery.sign(context, ids, pin, OptionalLong.empty()).stream()
        .map(OutcomeView::of)
        .toList();
  }
}
