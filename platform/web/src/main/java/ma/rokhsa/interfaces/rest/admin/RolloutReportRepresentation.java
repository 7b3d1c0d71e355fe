package ma.rokhsa.interfaces.rest.admin;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.rokhsa.application.RolloutReport;
import ma.rokhsa.domain.model.rollout.Rollout;
import ma.rokhsa.domain.model.rollout.RolloutOutcome;
import ma.rokhsa.domain.model.rollout.RolloutStep;

/**
 * What enabling a wave or a region did, or would do in a dry-run.
 *
 * @param dryRun true when nothing was changed
 * @param wave the wave enabled, if a wave was
 * @param regions the regions enabled
 * @param readinessThreshold communes over this population need a positive readiness evaluation
 * @param outcomes how many tenants are activated (ACTIVATE), blocked (BLOCK), already active
 *     (ALREADY_ACTIVE) or left alone because suspended (LEAVE)
 * @param kinds the same counts for each kind of tenant present
 * @param activated the ids of the tenants activated (or that would be), ordered
 * @param blocked the tenants blocked, with why: they go to ONBOARDING and wait
 * @param left the suspended tenants left alone
 */
@JsonbPropertyOrder({
  "dryRun",
  "wave",
  "regions",
  "readinessThreshold",
  "outcomes",
  "kinds",
  "activated",
  "blocked",
  "left"
})
public record RolloutReportRepresentation(
    boolean dryRun,
    String wave,
    List<String> regions,
    long readinessThreshold,
    Map<String, Integer> outcomes,
    Map<String, Map<String, Integer>> kinds,
    List<String> activated,
    List<StepRepresentation> blocked,
    List<StepRepresentation> left) {

  /**
   * One tenant that is not activated.
   *
   * @param id the tenant
   * @param kind its kind
   * @param nameFr its name in French
   * @param population its population, if known
   * @param status its status before
   * @param becomes its status after (ONBOARDING for a blocked tenant that was PLANNED)
   * @param reason why it is not activated
   */
  @JsonbPropertyOrder({"id", "kind", "nameFr", "population", "status", "becomes", "reason"})
  public record StepRepresentation(
      String id,
      String kind,
      String nameFr,
      Long population,
      String status,
      String becomes,
      String reason) {

    static StepRepresentation of(RolloutStep step) {
      return new StepRepresentation(
          step.tenant().value(),
          step.kind().name(),
          step.nameFr(),
          step.population().orElse(null),
          step.current().name(),
          step.target().name(),
          step.reason().orElse(null));
    }
  }

  static RolloutReportRepresentation of(RolloutReport report) {
    Rollout rollout = report.rollout();
    Map<String, Map<String, Integer>> kinds = new LinkedHashMap<>();
    rollout.countByKind().forEach((kind, counts) -> kinds.put(kind.name(), byName(counts)));
    return new RolloutReportRepresentation(
        report.dryRun(),
        report.wave().orElse(null),
        rollout.regions().stream().map(Object::toString).toList(),
        rollout.readinessThreshold(),
        byName(rollout.countByOutcome()),
        kinds,
        rollout.steps(RolloutOutcome.ACTIVATE).stream().map(s -> s.tenant().value()).toList(),
        rollout.steps(RolloutOutcome.BLOCK).stream().map(StepRepresentation::of).toList(),
        rollout.steps(RolloutOutcome.LEAVE).stream().map(StepRepresentation::of).toList());
  }

  private static Map<String, Integer> byName(Map<RolloutOutcome, Integer> counts) {
    Map<String, Integer> named = new LinkedHashMap<>();
    counts.forEach((outcome, count) -> named.put(outcome.name(), count));
    return named;
  }
}
