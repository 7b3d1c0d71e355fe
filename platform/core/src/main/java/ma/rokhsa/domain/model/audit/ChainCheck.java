package ma.rokhsa.domain.model.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * What the background verification last found of one chain (ADR 0033).
 *
 * @param tenant the chain's tenant ({@code national} for the national chain)
 * @param verifiedSequence how many entries, in order, were found sound (the checkpoint the next
 *     pass resumes from)
 * @param verifiedHash the hash of the last of them ({@link AuditHash#GENESIS} when none)
 * @param checkedAt when the chain was last verified
 * @param fullWalkAt when it was last walked from its first entry
 * @param broken where and why it is broken; empty when intact
 * @param brokenSince since when it is found broken
 */
public record ChainCheck(
    String tenant,
    long verifiedSequence,
    String verifiedHash,
    Instant checkedAt,
    Instant fullWalkAt,
    Optional<ChainBreak> broken,
    Optional<Instant> brokenSince) {

  public boolean intact() {
    return broken.isEmpty();
  }
}
