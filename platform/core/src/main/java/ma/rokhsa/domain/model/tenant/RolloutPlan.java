package ma.rokhsa.domain.model.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The rollout as last configured: its waves, the readiness threshold, and which configuration set
 * them (its digest), so that every node reads the same plan from the database.
 *
 * @param waves the waves, in order
 * @param readinessThreshold communes above this population need a positive readiness evaluation
 * @param configDigest digest of the tenant configuration last applied
 * @param appliedAt when it was applied
 */
public record RolloutPlan(
    List<RolloutWave> waves, long readinessThreshold, String configDigest, Instant appliedAt) {

  public RolloutPlan {
    waves = List.copyOf(waves);
  }

  public Optional<RolloutWave> wave(String name) {
    return waves.stream().filter(w -> w.name().equals(name)).findFirst();
  }
}
