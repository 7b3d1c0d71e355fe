package ma.rokhsa.interfaces.rest.dossier;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import ma.rokhsa.application.DossierQueries;
import ma.rokhsa.application.DossierQueries.Tracking;
import ma.rokhsa.application.NotFound;
import ma.rokhsa.application.TenantContext;
import ma.rokhsa.domain.model.dossier.DossierReference;
import ma.rokhsa.plugin.api.LocalizedText;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Public tracking: anyone with a dossier's reference and its tracking code sees where it stands —
 * never who asked or what. An unknown reference and a wrong code answer the same 404.
 */
@Path("public/tracking")
@RequestScoped
@Tag(name = "Public tracking")
@Produces(MediaType.APPLICATION_JSON)
public class PublicTrackingResource {

  @Inject DossierQueries dossiers;

  /**
   * Where a dossier stands.
   *
   * @param nextBy who acts next: APPLICANT, GUICHET_AGENT, COMMISSION_MEMBER or SIGNATORY
   */
  public record TrackingView(
      String reference,
      LocalizedText procedure,
      String phase,
      LocalizedText state,
      Instant since,
      LocalDate dueDate,
      boolean overdue,
      List<String> nextBy,
      boolean tacitApproval) {

    static TrackingView of(Tracking t) {
      return new TrackingView(
          t.reference(),
          t.procedure(),
          t.phase().name(),
          t.state(),
          t.since(),
          t.dueDate().orElse(null),
          t.overdue(),
          t.nextBy().stream().map(Enum::name).toList(),
          t.tacitApproval());
    }
  }

  @GET
  @Operation(summary = "Where a dossier stands, by its reference and tracking code")
  public TrackingView track(
      @QueryParam("reference") String reference, @QueryParam("code") String code) {
    // The reference names its tenant: the one place public tracking takes it from.
    return DossierReference.parse(reference)
        .flatMap(ref -> dossiers.track(TenantContext.publicTracking(ref.tenant()), ref, code))
        .map(TrackingView::of)
        .orElseThrow(() -> new NotFound("no dossier with this reference and tracking code"));
  }
}
