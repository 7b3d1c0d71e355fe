package ma.rokhsa.domain.model.audit;

import java.util.Optional;

/**
 * The outcome of walking one tenant's chain.
 *
 * @param tenant the tenant's id
 * @param entries how many entries were found sound, in order, before any break (all of them when
 *     intact)
 * @param lastHash the hash of the last sound entry ({@link AuditHash#GENESIS} when there is none)
 * @param broken where and why the chain is first broken; empty when intact
 */
public record ChainVerification(
    String tenant, long entries, String lastHash, Optional<ChainBreak> broken) {

  public boolean intact() {
    return broken.isEmpty();
  }

  @Override
  public String toString() {
    return broken
        .map(
            b ->
                "tenant "
                    + tenant
                    + ": BROKEN at sequence "
                    + b.sequence()
                    + " ("
                    + b.fault()
                    + "): "
                    + b.explanation())
        .orElse("tenant " + tenant + ": intact, " + entries + " entries, last hash " + lastHash);
  }
}
