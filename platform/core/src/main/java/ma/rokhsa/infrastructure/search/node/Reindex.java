package ma.rokhsa.infrastructure.search.node;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A rebuild of this node's index from the database, as it stands.
 *
 * @param id the job's id
 * @param reason why it runs: {@code missing}, {@code corrupt} (at start) or {@code admin}
 * @param startedAt when it started
 * @param done dossiers indexed so far
 * @param total dossiers in the database when it started
 * @param finishedAt when it ended, empty while it runs
 * @param failure why it failed, empty unless it did
 * @param now the time of this report (for the rate and the estimate)
 */
public record Reindex(
    String id,
    String reason,
    Instant startedAt,
    long done,
    long total,
    Optional<Instant> finishedAt,
    Optional<String> failure,
    Instant now) {

  public boolean running() {
    return finishedAt.isEmpty();
  }

  /** Dossiers per second so far. */
  public double rate() {
    Instant end = finishedAt.orElse(now);
    long millis = Math.max(1, Duration.between(startedAt, end).toMillis());
    return done * 1000.0 / millis;
  }

  /** The time left at the current rate; empty when unknown (nothing done yet) or finished. */
  public Optional<Duration> eta() {
    if (!running() || done == 0) {
      return Optional.empty();
    }
    double rate = rate();
    long left = Math.max(0, total - done);
    return Optional.of(Duration.ofMillis((long) (left / rate * 1000)));
  }
}
