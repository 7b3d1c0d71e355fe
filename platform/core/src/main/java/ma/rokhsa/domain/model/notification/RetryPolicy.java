package ma.rokhsa.domain.model.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When to try a notification again after a transient failure: exponential backoff from {@code base}
 * (doubling after each failed attempt, never longer than {@code cap}), and no more than {@code
 * maxAttempts} attempts in all.
 */
public record RetryPolicy(Duration base, Duration cap, int maxAttempts) {

  public RetryPolicy {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(cap, "cap");
    if (base.isNegative() || base.isZero()) {
      throw new IllegalArgumentException("the backoff base must be positive, got " + base);
    }
    if (cap.compareTo(base) < 0) {
      throw new IllegalArgumentException(
          "the backoff cap (" + cap + ") must not be shorter than its base (" + base + ")");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("at least one attempt is needed, got " + maxAttempts);
    }
  }

  /**
   * When to try again after the {@code attempts}-th attempt failed transiently, or empty to give
   * up.
   */
  public Optional<Instant> retryAt(int attempts, Instant failedAt) {
    if (attempts < 1) {
      throw new IllegalArgumentException("no attempt was made yet");
    }
    if (attempts >= maxAttempts) {
      return Optional.empty();
    }
    return Optional.of(failedAt.plus(delayAfter(attempts)));
  }

  /** The delay after the {@code attempts}-th failed attempt: base × 2^(attempts−1), capped. */
  public Duration delayAfter(int attempts) {
    int doublings = Math.min(attempts - 1, 62);
    Duration delay = base;
    for (int i = 0; i < doublings && delay.compareTo(cap) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(cap) > 0 ? cap : delay;
  }
}
