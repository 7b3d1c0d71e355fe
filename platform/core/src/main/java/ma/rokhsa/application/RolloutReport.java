package ma.rokhsa.application;

import java.util.Objects;
import java.util.Optional;
import ma.rokhsa.domain.model.rollout.Rollout;

/**
 * What enabling regions did, or would do in a dry-run.
 *
 * @param wave the wave enabled, when a wave was
 * @param dryRun true when nothing was changed
 * @param rollout each tenant's outcome, as computed before anything moved
 */
public record RolloutReport(Optional<String> wave, boolean dryRun, Rollout rollout) {

  public RolloutReport {
    Objects.requireNonNull(wave, "wave");
    Objects.requireNonNull(rollout, "rollout");
  }
}
