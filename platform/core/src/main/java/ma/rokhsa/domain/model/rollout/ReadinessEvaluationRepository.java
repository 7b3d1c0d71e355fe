package ma.rokhsa.domain.model.rollout;

import java.util.List;
import ma.rokhsa.domain.model.tenant.TenantId;

/** Where readiness evaluations are kept. */
public interface ReadinessEvaluationRepository {

  void store(ReadinessEvaluation evaluation);

  /** The evaluations of {@code tenant}, the decisive one first (newest by evaluation date). */
  List<ReadinessEvaluation> findFor(TenantId tenant);

  /** The evaluations of {@code root} and of every tenant beneath it, in no particular order. */
  List<ReadinessEvaluation> findWithin(TenantId root);
}
