package ma.rokhsa.infrastructure.search.node;

import java.time.Duration;

/**
 * This node's index cannot answer yet: it is being opened, checked or rebuilt from the database.
 * Answered 503 with {@code Retry-After}.
 */
public class SearchNotReady extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Duration retryAfter;

  public SearchNotReady(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  /** When asking again makes sense (the rebuild's estimate, at least a second). */
  public Duration retryAfter() {
    return retryAfter;
  }
}
