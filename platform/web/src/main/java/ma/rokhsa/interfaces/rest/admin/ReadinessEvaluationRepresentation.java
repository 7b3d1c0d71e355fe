package ma.rokhsa.interfaces.rest.admin;

import java.time.Instant;
import java.time.LocalDate;
import ma.rokhsa.domain.model.rollout.ReadinessEvaluation;

/**
 * A readiness evaluation of a commune, as recorded.
 *
 * @param id its id
 * @param tenant the commune evaluated
 * @param evaluatedOn the day of the evaluation
 * @param evaluator who evaluated it
 * @param criteria the criteria evaluated against
 * @param positive whether the commune is ready
 * @param recordedBy who recorded it
 * @param recordedAt when it was recorded
 */
public record ReadinessEvaluationRepresentation(
    Long id,
    String tenant,
    LocalDate evaluatedOn,
    String evaluator,
    String criteria,
    boolean positive,
    String recordedBy,
    Instant recordedAt) {

  static ReadinessEvaluationRepresentation of(ReadinessEvaluation evaluation) {
    return new ReadinessEvaluationRepresentation(
        evaluation.id().orElse(null),
        evaluation.tenant().value(),
        evaluation.evaluatedOn(),
        evaluation.evaluator(),
        evaluation.criteria(),
        evaluation.positive(),
        evaluation.recordedBy(),
        evaluation.recordedAt());
  }
}
