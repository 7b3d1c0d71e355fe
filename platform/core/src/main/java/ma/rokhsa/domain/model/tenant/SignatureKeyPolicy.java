package ma.rokhsa.domain.model.tenant;

/**
 * How many signature keys a tenant gets, by kind and population: decentralized services and
 * communes under {@code smallPopulation} inhabitants get {@code smallQuota} (3); tenants over
 * {@code largePopulation} get {@code largeQuota} (5); the band in between gets {@code mediumQuota}
 * (4 by default: the source text gives only the two ends). More keys are possible at the tenant's
 * own cost, recorded apart.
 */
public record SignatureKeyPolicy(
    long smallPopulation, int smallQuota, int mediumQuota, long largePopulation, int largeQuota) {

  public static final SignatureKeyPolicy DEFAULT = new SignatureKeyPolicy(20_000, 3, 4, 50_000, 5);

  public SignatureKeyPolicy {
    if (smallPopulation <= 0 || largePopulation < smallPopulation) {
      throw new IllegalArgumentException(
          "population limits must satisfy 0 < small ≤ large, got "
              + smallPopulation
              + " and "
              + largePopulation);
    }
    if (smallQuota < 1 || mediumQuota < smallQuota || largeQuota < mediumQuota) {
      throw new IllegalArgumentException(
          "quotas must satisfy 1 ≤ small ≤ medium ≤ large, got "
              + smallQuota
              + ", "
              + mediumQuota
              + ", "
              + largeQuota);
    }
  }

  /** The quota of a tenant of this kind and population (null when unknown: the smallest). */
  public int quotaFor(TenantKind kind, Long population) {
    if (kind == TenantKind.DECENTRALIZED_SERVICE || population == null) {
      return smallQuota;
    }
    if (population < smallPopulation) {
      return smallQuota;
    }
    if (population > largePopulation) {
      return largeQuota;
    }
    return mediumQuota;
  }
}
