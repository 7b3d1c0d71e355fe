package ma.rokhsa.domain.model.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import ma.rokhsa.domain.model.tenant.TenantOwned;

/** A file attached to a dossier: one of the procedure's documents, or a body's avis. */
@Entity
@Table(name = "dossier_attachment")
public class Attachment extends TenantOwned {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dossier_attachment_seq")
  @SequenceGenerator(
      name = "dossier_attachment_seq",
      sequenceName = "dossier_attachment_seq",
      allocationSize = 50)
  private Long id;

  // The owning side of Dossier's list: the aggregate adds and removes, JPA writes the key.
  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "dossier_id", nullable = false, updatable = false)
  private Dossier dossier;

  @Column(name = "document_id", nullable = false, length = 100)
  private String documentId;

  @Column(name = "avis_body", length = 100)
  private String avisBody;

  @Column(name = "file_name", nullable = false, length = 255)
  private String fileName;

  @Column(name = "media_type", nullable = false, length = 100)
  private String mediaType;

  @Column(name = "size_bytes", nullable = false)
  private long size;

  @Column(name = "sha256", nullable = false, length = 64)
  private String sha256;

  @Column(name = "uploaded_by", nullable = false, length = 100)
  private String uploadedBy;

  @Column(name = "uploaded_at", nullable = false)
  private OffsetDateTime uploadedAt;

  @Column(name = "superseded_at")
  private OffsetDateTime supersededAt;

  protected Attachment() {
    // for JPA
  }

  /**
   * A stored file attached to a dossier.
   *
   * @param documentId the procedure's document it is, or {@code avis} for a body's avis
   * @param avisBody the consulted body, for an avis attachment
   */
  static Attachment of(
      Dossier dossier,
      String documentId,
      Optional<String> avisBody,
      String fileName,
      String mediaType,
      long size,
      String sha256,
      String uploadedBy,
      Instant now) {
    Attachment a = new Attachment();
    a.dossier = dossier;
    a.documentId = documentId;
    a.avisBody = avisBody.orElse(null);
    a.fileName = safeName(fileName);
    a.mediaType = mediaType;
    a.size = size;
    a.sha256 = sha256;
    a.uploadedBy = uploadedBy;
    a.uploadedAt = now.atOffset(ZoneOffset.UTC);
    return a;
  }

  /** The name as given, without any path, trimmed to what the column holds. */
  static String safeName(String name) {
    String base = name == null ? "" : name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1).strip();
    base = base.replaceAll("[\\p{Cntrl}]", "");
    if (base.isEmpty()) {
      base = "document";
    }
    return base.length() > 255 ? base.substring(base.length() - 255) : base;
  }

  /** Replaced by a newer file of the same document (kept on file, no longer counted). */
  void supersede(Instant now) {
    if (supersededAt == null) {
      supersededAt = now.atOffset(ZoneOffset.UTC);
    }
  }

  public boolean current() {
    return supersededAt == null;
  }

  public Optional<Instant> supersededAt() {
    return Optional.ofNullable(supersededAt).map(OffsetDateTime::toInstant);
  }

  public Long id() {
    return id;
  }

  public DossierId dossierId() {
    return dossier.id();
  }

  public String documentId() {
    return documentId;
  }

  public Optional<String> avisBody() {
    return Optional.ofNullable(avisBody);
  }

  public String fileName() {
    return fileName;
  }

  public String mediaType() {
    return mediaType;
  }

  public long size() {
    return size;
  }

  public String sha256() {
    return sha256;
  }

  public String uploadedBy() {
    return uploadedBy;
  }

  public Instant uploadedAt() {
    return uploadedAt.toInstant();
  }
}
