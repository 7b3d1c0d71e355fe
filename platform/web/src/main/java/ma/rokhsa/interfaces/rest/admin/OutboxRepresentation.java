package ma.rokhsa.interfaces.rest.admin;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.rokhsa.application.OutboxReport;

/**
 * The state of the notification outbox.
 *
 * @param counts notifications by status: PENDING, SENT, FAILED
 * @param oldestPending when the oldest pending notification was queued (null if none)
 * @param failed the latest given up, with the reason
 * @param retrying the latest pending after a failed attempt, with the last reason
 */
public record OutboxRepresentation(
    Map<String, Long> counts,
    Instant oldestPending,
    List<EntryRepresentation> failed,
    List<EntryRepresentation> retrying) {

  static OutboxRepresentation of(OutboxReport report) {
    Map<String, Long> counts = new LinkedHashMap<>();
    report.counts().forEach((status, count) -> counts.put(status.name(), count));
    return new OutboxRepresentation(
        counts,
        report.oldestPending().orElse(null),
        report.failed().stream().map(EntryRepresentation::of).toList(),
        report.retrying().stream().map(EntryRepresentation::of).toList());
  }

  /**
   * One notification (its text left out).
   *
   * @param id its number in the outbox
   * @param tenant on whose behalf it is sent
   * @param channel its channel
   * @param recipient its recipient
   * @param messageId its stable message id ({@code Message-ID} of e-mails)
   * @param status PENDING, SENT or FAILED
   * @param attempts the attempts made
   * @param lastError why the last attempt failed
   * @param createdAt when it was queued
   * @param nextAttemptAt when it is due (again), for a pending one
   */
  public record EntryRepresentation(
      long id,
      String tenant,
      String channel,
      String recipient,
      String messageId,
      String status,
      int attempts,
      String lastError,
      Instant createdAt,
      Instant nextAttemptAt) {

    static EntryRepresentation of(OutboxReport.Entry entry) {
      return new EntryRepresentation(
          entry.id(),
          entry.tenant().value(),
          entry.channel(),
          entry.recipient(),
          entry.messageId(),
          entry.status().name(),
          entry.attempts(),
          entry.lastError(),
          entry.createdAt(),
          entry.nextAttemptAt());
    }
  }
}
