package ma.rokhsa.interfaces.rest.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import ma.rokhsa.application.RolloutService;
import ma.rokhsa.domain.model.identity.Role;
import ma.rokhsa.domain.model.rollout.CommissionLevel;
import ma.rokhsa.domain.model.rollout.CommissionMember;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.interfaces.rest.InvalidParameter;
import ma.rokhsa.interfaces.rest.RequestValues;
import ma.rokhsa.interfaces.rest.security.Allowed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The rollout as the Ministry of Interior steers it: waves, enabling regions (dry-run by default),
 * readiness evaluations, suspending and resuming tenants, follow-up commissions and the audit
 * trail. National admins only.
 *
 * <p>Shares the root path {@code admin} with {@link TenantAdminResource}: Jersey merges resources
 * of the same root path, so {@code tenants/{id}/…} here and {@code tenants/{id}} there coexist.
 * (Two different roots that both match, such as {@code admin} and {@code admin/tenants/{id}}, would
 * not: the request would be routed to one class only.)
 */
@Path("admin")
@RequestScoped
@Allowed(Role.NATIONAL_ADMIN)
@Tag(name = "Rollout")
@Produces(MediaType.APPLICATION_JSON)
public class RolloutResource {

  static final int DEFAULT_AUDIT_LIMIT = 100;
  static final int MAX_AUDIT_LIMIT = 1000;

  @Inject RolloutService rollout;

  @GET
  @Path("rollout/waves")
  @Operation(summary = "The rollout waves and their regions, as tenant-config/ declares them")
  public List<WaveRepresentation> waves() {
    return rollout.waves().stream().map(WaveRepresentation::of).toList();
  }

  @POST
  @Path("rollout/waves/{name}/enable")
  @Operation(
      summary = "Enable every region of a wave (dry-run unless dryRun=false)",
      description =
          "Activates the regions, prefectures and provinces, communes, arrondissements and"
              + " services within them, except communes over the readiness threshold without a"
              + " positive evaluation (and their arrondissements): those go to ONBOARDING and wait."
              + " Suspended tenants are left alone. dryRun defaults to true: nothing changes and"
              + " nothing is audited; a real run must be asked for with dryRun=false. Idempotent.")
  public RolloutReportRepresentation enableWave(
      @PathParam("name") String name,
      @QueryParam("dryRun") String dryRun,
      @Context SecurityContext security) {
    boolean dry = dryRun(dryRun);
    return rollout
        .enableWave(name, actor(security), dry)
        .map(RolloutReportRepresentation::of)
        .orElseThrow(NotFoundException::new);
  }

  @POST
  @Path("rollout/regions/{id}/enable")
  @Operation(
      summary = "Enable one region (dry-run unless dryRun=false)",
      description = "As enabling a wave, for one region; 404 if the id is not a region's.")
  public RolloutReportRepresentation enableRegion(
      @PathParam("id") String id,
      @QueryParam("dryRun") String dryRun,
      @Context SecurityContext security) {
    TenantId region = RequestValues.tenantId(id);
    boolean dry = dryRun(dryRun);
    return rollout
        .enable(List.of(region), actor(security), dry)
        .map(RolloutReportRepresentation::of)
        .orElseThrow(NotFoundException::new);
  }

  @GET
  @Path("tenants/{id}/readiness-evaluations")
  @Operation(
      summary = "Readiness evaluations of a commune, the decisive one first",
      description = "The latest by evaluation date decides; a negative one never unblocks.")
  public List<ReadinessEvaluationRepresentation> evaluations(@PathParam("id") String id) {
    return rollout
        .evaluations(RequestValues.tenantId(id))
        .map(list -> list.stream().map(ReadinessEvaluationRepresentation::of).toList())
        .orElseThrow(NotFoundException::new);
  }

  @POST
  @Path("tenants/{id}/readiness-evaluations")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Record a readiness evaluation of a commune",
      description =
          "Communes only (409 otherwise). A positive evaluation, if it is the latest, unblocks the"
              + " commune at the next enabling of its region; recording activates nothing.")
  public Response recordEvaluation(
      @PathParam("id") String id,
      @Valid @NotNull NewReadinessEvaluation evaluation,
      @Context SecurityContext security) {
    TenantId tenant = RequestValues.tenantId(id);
    return rollout
        .recordEvaluation(
            tenant,
            evaluation.evaluatedOn,
            evaluation.evaluator,
            evaluation.criteria,
            evaluation.positive,
            actor(security))
        .map(
            recorded ->
                Response.status(Response.Status.CREATED)
                    .entity(ReadinessEvaluationRepresentation.of(recorded))
                    .build())
        .orElseThrow(NotFoundException::new);
  }

  @POST
  @Path("tenants/{id}/suspend")
  @Operation(
      summary = "Suspend an active tenant",
      description =
          "It stops accepting deposits; every dossier stays readable and those in flight"
              + " instructable. 409 unless ACTIVE.")
  public TenantRepresentation suspend(
      @PathParam("id") String id, @Context SecurityContext security) {
    return rollout
        .suspend(RequestValues.tenantId(id), actor(security))
        .map(TenantRepresentation::of)
        .orElseThrow(NotFoundException::new);
  }

  @POST
  @Path("tenants/{id}/resume")
  @Operation(summary = "Resume a suspended tenant", description = "409 unless SUSPENDED.")
  public TenantRepresentation resume(
      @PathParam("id") String id, @Context SecurityContext security) {
    return rollout
        .resume(RequestValues.tenantId(id), actor(security))
        .map(TenantRepresentation::of)
        .orElseThrow(NotFoundException::new);
  }

  @GET
  @Path("tenants/{id}/commissions")
  @Operation(summary = "Follow-up commissions of a territory, in the order recorded")
  public List<CommissionRepresentation> commissions(@PathParam("id") String id) {
    return rollout
        .commissions(RequestValues.tenantId(id))
        .map(list -> list.stream().map(CommissionRepresentation::of).toList())
        .orElseThrow(NotFoundException::new);
  }

  @POST
  @Path("tenants/{id}/commissions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Record a follow-up commission of a territory with its members",
      description =
          "REGIONAL commissions sit on regions, LOCAL ones on prefectures, provinces and communes"
              + " (409 otherwise, and for a second commission of the same level and name).")
  public Response recordCommission(
      @PathParam("id") String id,
      @Valid @NotNull NewCommission commission,
      @Context SecurityContext security) {
    TenantId territory = RequestValues.tenantId(id);
    CommissionLevel level =
        RequestValues.enumValue(CommissionLevel.class, "level", commission.level);
    List<CommissionMember> members =
        commission.members.stream()
            .map(m -> CommissionMember.of(m.fullName, m.title, m.role))
            .toList();
    return rollout
        .recordCommission(territory, level, commission.name, members, actor(security))
        .map(
            recorded ->
                Response.status(Response.Status.CREATED)
                    .entity(CommissionRepresentation.of(recorded))
                    .build())
        .orElseThrow(NotFoundException::new);
  }

  @GET
  @Path("rollout/audit")
  @Operation(
      summary = "The rollout audit trail, newest first",
      description =
          "tenant: only the entries about this tenant. limit: how many (default 100, at most"
              + " 1000).")
  public List<RolloutAuditRepresentation> audit(
      @QueryParam("tenant") String tenant, @QueryParam("limit") String limit) {
    Optional<TenantId> about =
        Optional.ofNullable(tenant)
            .filter(s -> !s.isBlank())
            .map(t -> RequestValues.tenantId("tenant", t));
    return rollout.audit(about, limit(limit)).stream().map(RolloutAuditRepresentation::of).toList();
  }

  private static boolean dryRun(String value) {
    return parseDryRun(value)
        .orElseThrow(
            () ->
                new InvalidParameter(
                    "dryRun", "dryRun must be true or false, not '" + value + "'"));
  }

  /**
   * The {@code dryRun} parameter: true when absent, so that a real run is always asked for; only
   * {@code true} or {@code false} accepted (empty otherwise). JAX-RS's own boolean conversion would
   * take any other word, {@code dryRun=yes} included, for false: a real run.
   */
  static Optional<Boolean> parseDryRun(String value) {
    if (value == null || value.isBlank()) {
      return Optional.of(true);
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> Optional.of(true);
      case "false" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  private static int limit(String value) {
    return parseLimit(value)
        .orElseThrow(
            () ->
                new InvalidParameter(
                    "limit",
                    "limit must be a whole number from 1 to "
                        + MAX_AUDIT_LIMIT
                        + ", not '"
                        + value
                        + "'"));
  }

  /** The {@code limit} parameter: 100 when absent, from 1 to 1000 (empty otherwise). */
  static Optional<Integer> parseLimit(String value) {
    if (value == null || value.isBlank()) {
      return Optional.of(DEFAULT_AUDIT_LIMIT);
    }
    try {
      int limit = Integer.parseInt(value.strip());
      return limit >= 1 && limit <= MAX_AUDIT_LIMIT ? Optional.of(limit) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Who acts: the authenticated caller's name; 401 if there is none. */
  private static String actor(SecurityContext security) {
    Principal principal = security == null ? null : security.getUserPrincipal();
    if (principal == null) {
      throw new NotAuthorizedException("Bearer realm=\"rokhsa\"");
    }
    return principal.getName();
  }
}
