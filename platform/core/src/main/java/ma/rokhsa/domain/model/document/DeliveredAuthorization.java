package ma.rokhsa.domain.model.document;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import ma.rokhsa.domain.model.tenant.TenantOwned;

/**
 * An authorization in the register of delivered documents (migration V19, ADR 0021): the signed
 * PDF's id, dossier, hashes, signatory and status. It starts {@link Status#VALID VALID}; it may be
 * {@link #revoke revoked} (motivated, for good) or {@link #supersede superseded} by a later
 * document. Public verification reads its status from here, so a revocation shows at once.
 */
@Entity
@Table(name = "authorization_document")
public class DeliveredAuthorization extends TenantOwned {

  /** Where a document stands. */
  public enum Status {
    VALID,
    REVOKED,
    SUPERSEDED
  }

  @Id
  @Column(name = "id", length = 120)
  private String id;

  @Column(name = "dossier_id", nullable = false, updatable = false, length = 36)
  private String dossierId;

  @Column(name = "reference", nullable = false, updatable = false, length = 64)
  private String reference;

  @Column(name = "procedure_id", nullable = false, updatable = false, length = 100)
  private String procedureId;

  @Column(name = "procedure_version", nullable = false, updatable = false, length = 50)
  private String procedureVersion;

  @Column(name = "content_sha256", nullable = false, updatable = false, length = 64)
  private String contentSha256;

  @Column(name = "file_sha256", nullable = false, updatable = false, length = 64)
  private String fileSha256;

  @Column(name = "file_size", nullable = false, updatable = false)
  private long fileSize;

  @Column(name = "signatory_id", nullable = false, updatable = false)
  private Long signatoryId;

  @Column(name = "signatory_name", nullable = false, updatable = false, length = 200)
  private String signatoryName;

  @Column(name = "signature_key_id", nullable = false, updatable = false)
  private Long signatureKeyId;

  @Column(name = "signed_by", nullable = false, updatable = false, length = 100)
  private String signedBy;

  @Column(name = "signed_at", nullable = false, updatable = false)
  private OffsetDateTime signedAt;

  @Column(name = "pades_level", nullable = false, updatable = false, length = 8)
  private String padesLevel;

  @Column(name = "mandate", updatable = false, length = 1000)
  private String mandate;

  @Column(name = "status", nullable = false, length = 16)
  private String status;

  @Column(name = "revoked_at")
  private OffsetDateTime revokedAt;

  @Column(name = "revocation_reason", length = 1000)
  private String revocationReason;

  @Column(name = "revoked_by", length = 100)
  private String revokedBy;

  @Column(name = "superseded_by", length = 120)
  private String supersededBy;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected DeliveredAuthorization() {
    // for JPA
  }

  /**
   * A document just signed, valid.
   *
   * @param signed the signed PDF as stored
   */
  public static DeliveredAuthorization register(
      AuthorizationId id,
      String dossierId,
      String reference,
      String procedureId,
      String procedureVersion,
      String contentSha256,
      StoredContent signed,
      Long signatoryId,
      String signatoryName,
      Long signatureKeyId,
      String signedBy,
      String padesLevel,
      Optional<String> mandate,
      Instant now) {
    DeliveredAuthorization d = new DeliveredAuthorization();
    d.id = id.toString();
    d.dossierId = Objects.requireNonNull(dossierId);
    d.reference = Objects.requireNonNull(reference);
    d.procedureId = Objects.requireNonNull(procedureId);
    d.procedureVersion = Objects.requireNonNull(procedureVersion);
    d.contentSha256 = Objects.requireNonNull(contentSha256);
    d.fileSha256 = signed.sha256();
    d.fileSize = signed.size();
    d.signatoryId = Objects.requireNonNull(signatoryId);
    d.signatoryName = Objects.requireNonNull(signatoryName);
    d.signatureKeyId = Objects.requireNonNull(signatureKeyId);
    d.signedBy = Objects.requireNonNull(signedBy);
    d.signedAt = now.atOffset(ZoneOffset.UTC);
    d.padesLevel = Objects.requireNonNull(padesLevel);
    d.mandate = mandate.orElse(null);
    d.status = Status.VALID.name();
    return d;
  }

  /**
   * Revokes it, for good: a revoked document stays revoked (a second revocation changes nothing and
   * says so).
   *
   * @return whether it was revoked now
   * @throws IllegalArgumentException without a reason
   */
  public boolean revoke(String reason, String by, Instant now) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a revocation must be motivated");
    }
    if (status() == Status.REVOKED) {
      return false;
    }
    status = Status.REVOKED.name();
    revocationReason = reason.strip();
    revokedBy = by;
    revokedAt = now.atOffset(ZoneOffset.UTC);
    return true;
  }

  /** Replaced by a later document (a corrected authorization). */
  public void supersede(AuthorizationId by) {
    if (status() == Status.VALID) {
      status = Status.SUPERSEDED.name();
      supersededBy = by.toString();
    }
  }

  public AuthorizationId id() {
    return AuthorizationId.parse(id);
  }

  public String dossierId() {
    return dossierId;
  }

  public String reference() {
    return reference;
  }

  public String procedureId() {
    return procedureId;
  }

  public String procedureVersion() {
    return procedureVersion;
  }

  public String contentSha256() {
    return contentSha256;
  }

  public String fileSha256() {
    return fileSha256;
  }

  public long fileSize() {
    return fileSize;
  }

  public Long signatoryId() {
    return signatoryId;
  }

  public String signatoryName() {
    return signatoryName;
  }

  public Long signatureKeyId() {
    return signatureKeyId;
  }

  public String signedBy() {
    return signedBy;
  }

  public Instant signedAt() {
    return signedAt.toInstant();
  }

  public String padesLevel() {
    return padesLevel;
  }

  public Optional<String> mandate() {
    return Optional.ofNullable(mandate);
  }

  public Status status() {
    return Status.valueOf(status);
  }

  public Optional<Instant> revokedAt() {
    return Optional.ofNullable(revokedAt).map(OffsetDateTime::toInstant);
  }

  public Optional<String> revocationReason() {
    return Optional.ofNullable(revocationReason);
  }

  public Optional<String> revokedBy() {
    return Optional.ofNullable(revokedBy);
  }

  public Optional<String> supersededBy() {
    return Optional.ofNullable(supersededBy);
  }
}
