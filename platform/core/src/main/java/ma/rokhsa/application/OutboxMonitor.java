package ma.rokhsa.application;

/** What operators see of the notification outbox. */
public interface OutboxMonitor {

  /** The counts by status and the latest {@code limit} failed and retrying notifications. */
  OutboxReport report(int limit);
}
