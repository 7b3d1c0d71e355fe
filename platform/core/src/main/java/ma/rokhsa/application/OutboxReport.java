package ma.rokhsa.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.rokhsa.domain.model.notification.DeliveryStatus;
import ma.rokhsa.domain.model.tenant.TenantId;

/**
 * The state of the notification outbox, for operators.
 *
 * @param counts how many notifications are in each status
 * @param oldestPending when the oldest notification still waiting was queued
 * @param failed the latest given up, with the reason
 * @param retrying the latest still pending after a failed attempt, with the last reason
 */
public record OutboxReport(
    Map<DeliveryStatus, Long> counts,
    Optional<Instant> oldestPending,
    List<Entry> failed,
    List<Entry> retrying) {

  /** One notification as operators see it (its text is left out). */
  public record Entry(
      long id,
      TenantId tenant,
      String channel,
      String recipient,
      String messageId,
      DeliveryStatus status,
      int attempts,
      String lastError,
      Instant createdAt,
      Instant nextAttemptAt) {}
}
