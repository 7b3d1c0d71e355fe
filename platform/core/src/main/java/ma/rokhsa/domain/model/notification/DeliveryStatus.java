package ma.rokhsa.domain.model.notification;

/** Where a queued notification stands. */
public enum DeliveryStatus {
  /** Waiting for its (next) attempt. */
  PENDING,
  /** Accepted by its channel. */
  SENT,
  /** Given up: a permanent failure, an unknown channel, or too many transient failures. */
  FAILED
}
