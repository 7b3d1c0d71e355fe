package ma.rokhsa.domain.model.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One entry of a tenant's audit chain. Made only by {@link AuditChain#append}; every column is
 * insert-only and nothing in the platform changes or removes an entry.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
  @SequenceGenerator(
      name = "audit_entry_seq",
      sequenceName = "audit_entry_seq",
      allocationSize = 50)
  @Column(name = "id")
  private Long id;

  @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
  private String tenantId;

  @Column(name = "sequence_number", nullable = false, updatable = false)
  private long sequence;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  // EclipseLink 4.0 maps OffsetDateTime, not Instant, to TIMESTAMP WITH TIME ZONE.
  private OffsetDateTime recordedAt;

  @Column(name = "actor", nullable = false, updatable = false, length = AuditEvent.ACTOR_LENGTH)
  private String actor;

  @Column(name = "action", nullable = false, updatable = false, length = AuditEvent.ACTION_LENGTH)
  private String action;

  @Column(
      name = "subject_type",
      nullable = false,
      updatable = false,
      length = AuditEvent.SUBJECT_TYPE_LENGTH)
  private String subjectType;

  @Column(
      name = "subject_id",
      nullable = false,
      updatable = false,
      length = AuditEvent.SUBJECT_ID_LENGTH)
  private String subjectId;

  @Column(name = "detail", nullable = false, updatable = false, length = AuditEvent.DETAIL_LENGTH)
  private String detail;

  @Column(
      name = "source_address",
      nullable = false,
      updatable = false,
      length = AuditEvent.SOURCE_ADDRESS_LENGTH)
  private String sourceAddress;

  @Column(name = "previous_hash", nullable = false, updatable = false, length = 64)
  private String previousHash;

  @Column(name = "entry_hash", nullable = false, updatable = false, length = 64)
  private String hash;

  protected AuditEntry() {
    // for JPA
  }

  AuditEntry(
      String tenantId,
      long sequence,
      OffsetDateTime recordedAt,
      AuditEvent event,
      String previousHash) {
    this.tenantId = tenantId;
    this.sequence = sequence;
    this.recordedAt = recordedAt;
    this.actor = event.actor();
    this.action = event.action();
    this.subjectType = event.subjectType();
    this.subjectId = event.subjectId();
    this.detail = event.detail();
    this.sourceAddress = event.sourceAddress();
    this.previousHash = previousHash;
    this.hash = AuditHash.of(link());
  }

  /** The entry as the chain walk and the hash see it. */
  public ChainLink link() {
    return new ChainLink(
        tenantId,
        sequence,
        recordedAt.toInstant(),
        actor,
        action,
        subjectType,
        subjectId,
        detail,
        sourceAddress,
        previousHash,
        hash);
  }

  public long sequence() {
    return sequence;
  }

  public Instant recordedAt() {
    return recordedAt.toInstant();
  }

  public AuditEvent event() {
    return new AuditEvent(actor, action, subjectType, subjectId, detail, sourceAddress);
  }

  public String previousHash() {
    return previousHash;
  }

  public String hash() {
    return hash;
  }
}
