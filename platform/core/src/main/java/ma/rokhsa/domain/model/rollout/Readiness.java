package ma.rokhsa.domain.model.rollout;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import ma.rokhsa.domain.model.tenant.TenantId;

/**
 * Where communes stand on readiness: the latest evaluation of each ({@link
 * ReadinessEvaluation#CHRONOLOGICAL}) decides, so a negative evaluation after a positive one blocks
 * the commune again, and one dated earlier than the decisive one changes nothing.
 */
public final class Readiness {

  private static final Readiness NONE = new Readiness(Map.of());

  private final Map<TenantId, ReadinessEvaluation> latest;

  private Readiness(Map<TenantId, ReadinessEvaluation> latest) {
    this.latest = latest;
  }

  /** No evaluation recorded anywhere. */
  public static Readiness none() {
    return NONE;
  }

  /** Readiness as these evaluations, in any order, establish it. */
  public static Readiness of(Collection<ReadinessEvaluation> evaluations) {
    Map<TenantId, ReadinessEvaluation> latest = new HashMap<>();
    for (ReadinessEvaluation evaluation : evaluations) {
      latest.merge(
          evaluation.tenant(),
          evaluation,
          (a, b) -> ReadinessEvaluation.CHRONOLOGICAL.compare(a, b) >= 0 ? a : b);
    }
    return new Readiness(Map.copyOf(latest));
  }

  /** The evaluation that decides for {@code tenant}, if it has any. */
  public Optional<ReadinessEvaluation> latest(TenantId tenant) {
    return Optional.ofNullable(latest.get(tenant));
  }

  /** Whether the latest evaluation of {@code tenant} is positive. */
  public boolean isReady(TenantId tenant) {
    return latest(tenant).map(ReadinessEvaluation::positive).orElse(false);
  }

  /** One line for the audit trail: the decisive evaluation, or {@code readiness=none}. */
  public String summary(TenantId tenant) {
    return latest(tenant).map(ReadinessEvaluation::summary).orElse("readiness=none");
  }
}
