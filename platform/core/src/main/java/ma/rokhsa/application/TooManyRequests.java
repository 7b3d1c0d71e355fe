package ma.rokhsa.application;

import java.time.Duration;
import java.util.Objects;

/**
 * Refused for now, not for good: too many sign-in attempts from this address or for this account
 * from it, too many failures everywhere, or every password hashing slot busy. Interfaces answer 429
 * with {@code Retry-After}.
 */
public class TooManyRequests extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public TooManyRequests(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
  }

  /** How long to wait before trying again: at least a second. */
  public Duration retryAfter() {
    return retryAfter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : retryAfter;
  }
}
