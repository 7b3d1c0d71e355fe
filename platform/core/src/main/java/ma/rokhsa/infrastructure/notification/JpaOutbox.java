package ma.rokhsa.infrastructure.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Objects;
import ma.rokhsa.domain.model.notification.Notification;
import ma.rokhsa.domain.model.notification.Outbox;
import ma.rokhsa.domain.model.notification.QueuedNotification;
import ma.rokhsa.domain.model.tenant.TenantId;

/** Queues notifications as rows of {@code notification_outbox}, in the caller's transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JpaOutbox implements Outbox {

  @PersistenceContext(unitName = "rokhsa")
  private EntityManager em;

  private Clock clock;

  /** For CDI's proxy. */
  protected JpaOutbox() {}

  @Inject
  JpaOutbox(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void enqueue(TenantId tenant, Notification notification) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(notification, "notification");
    em.persist(QueuedNotification.queue(tenant, notification, clock.instant()));
  }
}
