package ma.rokhsa.infrastructure.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import ma.rokhsa.domain.model.notification.RetryPolicy;
import org.eclipse.microprofile.config.Config;

/**
 * The outbox dispatcher's settings ({@code rokhsa.outbox.*}), described in {@code
 * docs/configuration.md}; defaults in {@code META-INF/microprofile-config.properties}.
 */
@ApplicationScoped
public class OutboxSettings {

  private Duration pollInterval;
  private int batchSize;
  private Duration lease;
  private RetryPolicy retryPolicy;

  /** For CDI's proxy. */
  protected OutboxSettings() {}

  @Inject
  OutboxSettings(Config config) {
    this.pollInterval = duration(config, "rokhsa.outbox.poll-interval");
    this.batchSize = config.getValue("rokhsa.outbox.batch-size", Integer.class);
    this.lease = duration(config, "rokhsa.outbox.lease");
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("rokhsa.outbox.poll-interval must be positive");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("rokhsa.outbox.batch-size must be at least 1");
    }
    try {
      this.retryPolicy =
          new RetryPolicy(
              duration(config, "rokhsa.outbox.backoff.base"),
              duration(config, "rokhsa.outbox.backoff.cap"),
              config.getValue("rokhsa.outbox.max-attempts", Integer.class));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("rokhsa.outbox.*: " + e.getMessage(), e);
    }
  }

  private static Duration duration(Config config, String name) {
    String value = config.getValue(name, String.class);
    try {
      return Duration.parse(value);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          name + " must be an ISO-8601 duration such as PT1S, got '" + value + "'", e);
    }
  }

  /** How long the dispatcher waits between two looks at the outbox when it found nothing due. */
  public Duration pollInterval() {
    return pollInterval;
  }

  /** How many due notifications one node claims at a time. */
  public int batchSize() {
    return batchSize;
  }

  /**
   * How long a claim holds: another node takes the notifications of a node that died mid-send once
   * the lease has expired.
   */
  public Duration lease() {
    return lease;
  }

  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }
}
