package ma.rokhsa.domain.model.tenant;

import java.util.Optional;

/** Where the rollout plan is kept. */
public interface RolloutPlanRepository {

  /** The plan last stored; empty before the first configuration is applied. */
  Optional<RolloutPlan> find();

  /** Replaces the stored plan. */
  void store(RolloutPlan plan);
}
