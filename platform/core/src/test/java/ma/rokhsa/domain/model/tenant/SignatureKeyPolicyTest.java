package ma.rokhsa.domain.model.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import ma.rokhsa.domain.RuleViolation;
import ma.rokhsa.domain.model.signature.ExtraKeyPurchase;
import ma.rokhsa.domain.model.signature.KeyAllowance;
import ma.rokhsa.domain.model.signature.Signatory;
import ma.rokhsa.domain.model.signature.SignatureKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Quotas by population tier, and the keys beyond them only against an extra-key record. */
class SignatureKeyPolicyTest {

  static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
  final SignatureKeyPolicy policy = SignatureKeyPolicy.DEFAULT;

  @ParameterizedTest(name = "{0} of {1} inhabitants: {2} keys")
  @CsvSource({
    "RURAL_COMMUNE, 1, 3",
    "RURAL_COMMUNE, 15000, 3",
    "URBAN_COMMUNE, 19999, 3",
    "URBAN_COMMUNE, 20000, 4",
    "URBAN_COMMUNE, 35000, 4",
    "URBAN_COMMUNE, 50000, 4",
    "URBAN_COMMUNE, 50001, 5",
    "URBAN_COMMUNE, 3215935, 5",
    "DECENTRALIZED_SERVICE, 3215935, 3",
  })
  void theQuotaFollowsTheKindAndThePopulationTier(TenantKind kind, long population, int quota) {
    assertThat(policy.quotaFor(kind, population)).isEqualTo(quota);
  }

  @Test
  void anUnknownPopulationGetsTheSmallestQuota() {
    assertThat(policy.quotaFor(TenantKind.URBAN_COMMUNE, null)).isEqualTo(3);
  }

  @Test
  void policiesWithQuotasOrLimitsOutOfOrderAreRefused() {
    assertThatThrownBy(() -> new SignatureKeyPolicy(50_000, 3, 4, 20_000, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SignatureKeyPolicy(20_000, 5, 4, 50_000, 5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFourthKeyOfACommuneOf15000IsRefusedWithoutAnExtraKeyRecordAndPaidWithOne() {
    int quota = policy.quotaFor(TenantKind.RURAL_COMMUNE, 15_000L);
    Signatory president = Signatory.name("Karim Benali", "Président", Optional.empty(), NOW);

    KeyAllowance full = new KeyAllowance(quota, 0, 3);
    assertThat(full.remaining()).isZero();
    assertThatThrownBy(() -> full.assign(president, "4e clé", "admin", NOW))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("all 3 signature keys are in use");

    ExtraKeyPurchase bought =
        ExtraKeyPurchase.record(1, new BigDecimal("1200"), LocalDate.of(2026, 12, 1), "admin", NOW);
    KeyAllowance withPurchase = new KeyAllowance(quota, bought.keyCount(), 3);
    SignatureKey fourth = withPurchase.assign(president, "4e clé", "admin", NOW);
    assertThat(fourth.beyondQuota()).isTrue();
    assertThat(new KeyAllowance(quota, 1, 2).assign(president, "3e", "admin", NOW).beyondQuota())
        .as("a key within the quota is not paid")
        .isFalse();
    assertThatThrownBy(() -> new KeyAllowance(quota, 1, 4).assign(president, "5e", "a", NOW))
        .isInstanceOf(RuleViolation.class);
  }
}
