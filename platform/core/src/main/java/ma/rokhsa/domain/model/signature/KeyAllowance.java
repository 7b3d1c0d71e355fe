package ma.rokhsa.domain.model.signature;

import java.time.Instant;
import ma.rokhsa.domain.RuleViolation;

/**
 * How many signature keys a tenant may hold: its quota plus the keys it bought; and how many it
 * holds. Assigning a key beyond that is refused.
 *
 * @param quota keys granted by the tenant's kind and population
 * @param purchased keys bought beyond the quota at the tenant's own cost
 * @param inUse keys assigned and not revoked
 */
public record KeyAllowance(int quota, int purchased, int inUse) {

  public int allowed() {
    return quota + purchased;
  }

  public int remaining() {
    return Math.max(0, allowed() - inUse);
  }

  /**
   * Assigns a key to the signatory if the allowance has room; a key past the quota is marked as
   * paid by the tenant.
   *
   * @throws RuleViolation when the quota and the purchased keys are all in use
   */
  public SignatureKey assign(Signatory signatory, String label, String assignedBy, Instant now) {
    if (remaining() == 0) {
      throw new RuleViolation(
          "all "
              + allowed()
              + " signature keys are in use (quota "
              + quota
              + ", "
              + purchased
              + " bought): record an extra-key purchase at the tenant's own cost, or revoke a key");
    }
    return SignatureKey.assign(signatory, label, inUse >= quota, assignedBy, now);
  }
}
