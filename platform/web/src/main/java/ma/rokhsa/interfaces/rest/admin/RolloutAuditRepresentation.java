package ma.rokhsa.interfaces.rest.admin;

import java.time.Instant;
import ma.rokhsa.domain.model.rollout.RolloutAuditEntry;

/**
 * One entry of the rollout audit trail.
 *
 * @param id its id
 * @param at when
 * @param actor who (account name)
 * @param action ENABLE, RECORD_READINESS_EVALUATION, SUSPEND, RESUME or RECORD_COMMISSION
 * @param tenant the tenant acted on
 * @param before the state before ({@code status=PLANNED}), if any
 * @param after the state after, if any
 */
public record RolloutAuditRepresentation(
    Long id, Instant at, String actor, String action, String tenant, String before, String after) {

  static RolloutAuditRepresentation of(RolloutAuditEntry entry) {
    return new RolloutAuditRepresentation(
        entry.id().orElse(null),
        entry.at(),
        entry.actor(),
        entry.action().name(),
        entry.tenant().map(Object::toString).orElse(null),
        entry.before().orElse(null),
        entry.after().orElse(null));
  }
}
