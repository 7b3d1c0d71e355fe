package ma.rokhsa.domain.model.rollout;

import ma.rokhsa.domain.model.tenant.TenantKind;

/** The level of a follow-up commission, and the territories it may be set up on. */
public enum CommissionLevel {
  /** A regional follow-up commission: on a region. */
  REGIONAL,
  /** A local follow-up commission: on a prefecture, a province or a commune. */
  LOCAL;

  /** Whether a commission of this level may be set up on a territory of {@code kind}. */
  public boolean fits(TenantKind kind) {
    return switch (this) {
      case REGIONAL -> kind == TenantKind.REGION;
      case LOCAL -> kind.isProvinceLevel() || kind.isCommune();
    };
  }

  /** Where it fits, for messages. */
  public String where() {
    return switch (this) {
      case REGIONAL -> "a region";
      case LOCAL -> "a prefecture, a province or a commune";
    };
  }
}
