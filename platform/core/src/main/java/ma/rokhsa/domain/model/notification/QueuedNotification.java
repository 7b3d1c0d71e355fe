package ma.rokhsa.domain.model.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import ma.rokhsa.domain.model.tenant.TenantId;

/**
 * A notification as the outbox keeps it, from its queuing to its delivery or failure. A national
 * table with the tenant as data, not a tenant-filtered one: the dispatcher delivers every tenant's
 * notifications. Only queued through JPA; the dispatcher claims and updates rows with its own short
 * transactions (see {@code infrastructure.notification}).
 */
@Entity
@Table(name = "notification_outbox")
public class QueuedNotification {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_outbox_seq")
  @SequenceGenerator(
      name = "notification_outbox_seq",
      sequenceName = "notification_outbox_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
  private String tenantId;

  @Column(name = "channel", nullable = false, updatable = false, length = 50)
  private String channel;

  @Column(name = "recipient", nullable = false, updatable = false, length = 320)
  private String recipient;

  @Column(name = "language", nullable = false, updatable = false, length = 2)
  private String language;

  @Column(name = "subject", nullable = false, updatable = false, length = 300)
  private String subject;

  @Column(name = "body", nullable = false, updatable = false, length = 20000)
  private String body;

  @Column(name = "message_id", nullable = false, updatable = false, length = 100)
  private String messageId;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 10)
  private DeliveryStatus status;

  @Column(name = "attempts", nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private OffsetDateTime nextAttemptAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  protected QueuedNotification() {
    // for JPA
  }

  /** A notification queued now, due at once, with a new message id. */
  public static QueuedNotification queue(TenantId tenant, Notification notification, Instant now) {
    QueuedNotification queued = new QueuedNotification();
    queued.tenantId = tenant.value();
    queued.channel = notification.channel();
    queued.recipient = notification.recipient();
    queued.language = notification.language();
    queued.subject = notification.subject();
    queued.body = notification.body();
    queued.messageId = UUID.randomUUID().toString();
    queued.status = DeliveryStatus.PENDING;
    queued.attempts = 0;
    queued.createdAt = now.atOffset(ZoneOffset.UTC);
    queued.nextAttemptAt = queued.createdAt;
    return queued;
  }

  public Long id() {
    return id;
  }

  public TenantId tenant() {
    return TenantId.of(tenantId);
  }

  public String messageId() {
    return messageId;
  }

  public DeliveryStatus status() {
    return status;
  }
}
