package ma.rokhsa.domain.model.signature;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import ma.rokhsa.domain.model.tenant.TenantOwned;

/**
 * A signature key assigned to a named signatory. Keys assigned once the quota is used are marked
 * {@code beyondQuota}: they are paid for by the tenant (see {@link ExtraKeyPurchase}).
 */
@Entity
@Table(name = "signature_key")
public class SignatureKey extends TenantOwned {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "signature_key_seq")
  @SequenceGenerator(
      name = "signature_key_seq",
      sequenceName = "signature_key_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "signatory_id", nullable = false, updatable = false)
  private Long signatoryId;

  @Column(name = "label", nullable = false, length = 200)
  private String label;

  @Column(name = "beyond_quota", nullable = false, updatable = false)
  private boolean beyondQuota;

  @Column(name = "assigned_by", nullable = false, length = 100, updatable = false)
  private String assignedBy;

  @Column(name = "assigned_at", nullable = false, updatable = false)
  private OffsetDateTime assignedAt;

  @Column(name = "revoked_at")
  private OffsetDateTime revokedAt;

  protected SignatureKey() {
    // for JPA
  }

  static SignatureKey assign(
      Signatory signatory, String label, boolean beyondQuota, String assignedBy, Instant now) {
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("a key needs a label (its serial, or how to tell it)");
    }
    SignatureKey key = new SignatureKey();
    key.signatoryId = signatory.id();
    key.label = label.strip();
    key.beyondQuota = beyondQuota;
    key.assignedBy = assignedBy;
    key.assignedAt = now.atOffset(ZoneOffset.UTC);
    return key;
  }

  public void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now.atOffset(ZoneOffset.UTC);
    }
  }

  public boolean active() {
    return revokedAt == null;
  }

  public Long id() {
    return id;
  }

  public Long signatoryId() {
    return signatoryId;
  }

  public String label() {
    return label;
  }

  public boolean beyondQuota() {
    return beyondQuota;
  }

  public String assignedBy() {
    return assignedBy;
  }

  public Instant assignedAt() {
    return assignedAt.toInstant();
  }

  public Optional<Instant> revokedAt() {
    return Optional.ofNullable(revokedAt).map(OffsetDateTime::toInstant);
  }
}
