package ma.rokhsa.interfaces.rest.audit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import ma.rokhsa.application.AuditService;
import ma.rokhsa.domain.model.audit.AuditEntry;
import ma.rokhsa.domain.model.audit.ChainChecks;
import ma.rokhsa.domain.model.identity.Role;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.interfaces.rest.audit.AuditRepresentations.BackgroundVerificationView;
import ma.rokhsa.interfaces.rest.audit.AuditRepresentations.ChainCheckView;
import ma.rokhsa.interfaces.rest.audit.AuditRepresentations.EntryView;
import ma.rokhsa.interfaces.rest.audit.AuditRepresentations.Page;
import ma.rokhsa.interfaces.rest.audit.AuditRepresentations.VerificationView;
import ma.rokhsa.interfaces.rest.security.Allowed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The national audit chain (ADR 0023): accounts created, roles granted, revoked or refused,
 * passwords reset, accounts disabled, sign-in locks, plugin changes and tenant-configuration
 * reloads. Read by the national admin only; grants held in a tenant are in that tenant's chain.
 */
@Path("admin/audit")
@RequestScoped
@Tag(name = "Audit")
@Allowed(Role.NATIONAL_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class NationalAuditResource {

  @Inject AuditService audit;
  @Inject ChainChecks checks;
  @Inject ma.rokhsa.infrastructure.scheduling.AuditVerificationSchedule background;

  @GET
  @Operation(
      summary = "The national audit chain, in sequence order",
      description =
          "subjectType, subjectId: only the entries about this subject (account, plugin,"
              + " tenant-config). after, limit: as for a tenant's trail.")
  public Page entries(
      @QueryParam("subjectType") String subjectType,
      @QueryParam("subjectId") String subjectId,
      @QueryParam("after") String after,
      @QueryParam("limit") String limit) {
    int max = AuditResource.limit(limit);
    List<AuditEntry> found =
        audit.entries(
            TenantId.NATIONAL,
            AuditResource.given(subjectType),
            AuditResource.given(subjectId),
            AuditResource.after(after),
            max + 1);
    List<EntryView> entries = found.stream().limit(max).map(EntryView::of).toList();
    Long next = found.size() > max ? entries.get(entries.size() - 1).sequence() : null;
    return new Page(entries, next);
  }

  @GET
  @Path("verify")
  @Operation(summary = "Verify the national audit chain")
  public VerificationView verify() {
    return VerificationView.of(audit.verify(TenantId.NATIONAL));
  }

  @GET
  @Path("background-verification")
  @Operation(
      summary = "What the background verification last found of every audit chain",
      description =
          "One pass per rokhsa.audit.verification-interval across the nodes resumes each chain"
              + " from its last sound entry (ADR 0033). ?broken=true lists the broken ones only.")
  public BackgroundVerificationView backgroundVerification(@QueryParam("broken") String broken) {
    boolean onlyBroken = "true".equalsIgnoreCase(broken);
    List<ChainCheckView> chains =
        checks.all().stream()
            .filter(c -> !onlyBroken || !c.intact())
            .map(ChainCheckView::of)
            .toList();
    return new BackgroundVerificationView(checks.broken(), chains);
  }

  @GET
  @Path("checkpoints/latest")
  @Produces("text/plain; charset=UTF-8")
  @Operation(
      summary = "The last checkpoint the platform sealed (ADR 0039)",
      description =
          "Each chain's last sequence and hash as the last background verification found them"
              + " intact, in rokhsa-audit-verify's checkpoint format. Its seal: ./signature."
              + " An auditor fetches both regularly and keeps them where the database's writers"
              + " cannot write; 404 before the first pass.")
  public jakarta.ws.rs.core.Response latestCheckpoint() {
    var latest =
        background.checkpoints().latest().orElseThrow(jakarta.ws.rs.NotFoundException::new);
    return jakarta.ws.rs.core.Response.ok(latest.content())
        .header("Content-Disposition", "attachment; filename=\"" + fileName(latest) + ".txt\"")
        .build();
  }

  @GET
  @Path("checkpoints/latest/signature")
  @Produces(MediaType.APPLICATION_OCTET_STREAM)
  @Operation(
      summary = "The seal of the last checkpoint: a DER ECDSA signature over its bytes",
      description =
          "openssl dgst -sha256 -verify seal.pem -signature checkpoint.sig checkpoint.txt")
  public jakarta.ws.rs.core.Response latestCheckpointSignature() {
    var latest =
        background.checkpoints().latest().orElseThrow(jakarta.ws.rs.NotFoundException::new);
    return jakarta.ws.rs.core.Response.ok(latest.signature())
        .header("Content-Disposition", "attachment; filename=\"" + fileName(latest) + ".sig\"")
        .build();
  }

  @GET
  @Path("seal-key")
  @Produces("application/x-pem-file")
  @Operation(
      summary = "The platform's audit seal public key (PEM)",
      description = "Pin it once, out of band: checkpoints are checked against the pinned copy.")
  public String sealKey() {
    return background.seal().publicKeyPem();
  }

  private static String fileName(ma.rokhsa.infrastructure.audit.SealedCheckpoints.Sealed s) {
    return "checkpoint-"
        + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(java.time.ZoneOffset.UTC)
            .format(s.takenAt());
  }
}
