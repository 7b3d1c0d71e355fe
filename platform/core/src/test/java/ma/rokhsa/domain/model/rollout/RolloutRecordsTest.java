package ma.rokhsa.domain.model.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import ma.rokhsa.domain.RuleViolation;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.domain.model.tenant.TenantKind;
import org.junit.jupiter.api.Test;

/** The rules of what the rollout records: evaluations, commissions, audit entries. */
class RolloutRecordsTest {

  static final Instant NOW = Instant.parse("2026-12-01T10:00:00.123456789Z");
  static final LocalDate DAY = LocalDate.parse("2026-11-20");

  final Tenant region = Fixtures.tenant("06", TenantKind.REGION, "06", 7_688_967L);
  final Tenant prefecture =
      Fixtures.tenant("06.141", TenantKind.PREFECTURE, "06/06.141", 3_215_935L);
  final Tenant commune =
      Fixtures.tenant("06.141.01.0", TenantKind.URBAN_COMMUNE, "06/06.141/06.141.01.0", 3_215_935L);
  final Tenant arrondissement =
      Fixtures.tenant(
          "06.141.01.01",
          TenantKind.ARRONDISSEMENT,
          "06/06.141/06.141.01.0/06.141.01.01",
          100_000L);

  @Test
  void onlyCommunesAreEvaluated() {
    for (Tenant notACommune : List.of(region, prefecture, arrondissement)) {
      assertThatThrownBy(
              () -> ReadinessEvaluation.record(notACommune, DAY, "ADD", "criteria", true, "a", NOW))
          .isInstanceOf(RuleViolation.class)
          .hasMessageContaining("only communes")
          .hasMessageContaining(notACommune.id().value());
    }
    ReadinessEvaluation evaluation =
        ReadinessEvaluation.record(commune, DAY, "  ADD ", "criteria", true, "admin", NOW);
    assertThat(evaluation.tenant()).isEqualTo(commune.id());
    assertThat(evaluation.evaluator()).isEqualTo("ADD");
    assertThat(evaluation.recordedAt()).isEqualTo(Instant.parse("2026-12-01T10:00:00.123456Z"));
    assertThat(evaluation.id()).isEmpty();
  }

  @Test
  void anEvaluationNeedsItsTexts() {
    assertThatThrownBy(
            () -> ReadinessEvaluation.record(commune, DAY, " ", "criteria", true, "admin", NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("evaluator");
    assertThatThrownBy(
            () ->
                ReadinessEvaluation.record(
                    commune, DAY, "ADD", "x".repeat(4001), true, "admin", NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("criteria must be at most 4000");
  }

  @Test
  void readinessSummarizesTheDecisiveEvaluation() {
    TenantId id = commune.id();
    assertThat(Readiness.none().summary(id)).isEqualTo("readiness=none");
    assertThat(Readiness.none().isReady(id)).isFalse();

    Readiness readiness =
        Readiness.of(
            List.of(
                ReadinessEvaluation.record(commune, DAY, "ADD", "c", true, "a", NOW),
                ReadinessEvaluation.record(
                    commune, DAY.minusDays(3), "DGCT", "c", false, "a", NOW)));

    assertThat(readiness.isReady(id)).isTrue();
    assertThat(readiness.summary(id)).isEqualTo("readiness=positive on 2026-11-20 by ADD");
  }

  @Test
  void commissionLevelsFitTheirTerritories() {
    assertThat(CommissionLevel.REGIONAL.fits(TenantKind.REGION)).isTrue();
    for (TenantKind kind : TenantKind.values()) {
      if (kind != TenantKind.REGION) {
        assertThat(CommissionLevel.REGIONAL.fits(kind)).as(kind.name()).isFalse();
      }
    }
    assertThat(CommissionLevel.LOCAL.fits(TenantKind.PREFECTURE)).isTrue();
    assertThat(CommissionLevel.LOCAL.fits(TenantKind.PROVINCE)).isTrue();
    assertThat(CommissionLevel.LOCAL.fits(TenantKind.URBAN_COMMUNE)).isTrue();
    assertThat(CommissionLevel.LOCAL.fits(TenantKind.RURAL_COMMUNE)).isTrue();
    assertThat(CommissionLevel.LOCAL.fits(TenantKind.REGION)).isFalse();
    assertThat(CommissionLevel.LOCAL.fits(TenantKind.ARRONDISSEMENT)).isFalse();
    assertThat(CommissionLevel.LOCAL.fits(TenantKind.DECENTRALIZED_SERVICE)).isFalse();
  }

  @Test
  void aCommissionOfTheWrongLevelIsRefusedWithWhatFits() {
    List<CommissionMember> members = List.of(CommissionMember.of("A. B.", "Wali", "président"));

    assertThatThrownBy(
            () ->
                FollowUpCommission.record(
                    prefecture, CommissionLevel.REGIONAL, "Suivi", members, "admin", NOW))
        .isInstanceOfSatisfying(
            RuleViolation.class,
            e -> {
              assertThat(e.getMessage())
                  .contains("REGIONAL follow-up commission sits on a region")
                  .contains("06.141 is PREFECTURE");
              assertThat(e.allowed()).containsExactly("LOCAL");
            });
    assertThatThrownBy(
            () ->
                FollowUpCommission.record(
                    region, CommissionLevel.LOCAL, "Suivi", members, "admin", NOW))
        .isInstanceOfSatisfying(
            RuleViolation.class, e -> assertThat(e.allowed()).containsExactly("REGIONAL"));
    assertThatThrownBy(
            () ->
                FollowUpCommission.record(
                    arrondissement, CommissionLevel.LOCAL, "Suivi", members, "admin", NOW))
        .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.allowed()).isEmpty());
  }

  @Test
  void aCommissionKeepsItsMembersInOrder() {
    List<CommissionMember> members =
        List.of(
            CommissionMember.of("Wali de la région", "Ministère de l'Intérieur", "président"),
            CommissionMember.of("Directrice", "Agence urbaine de Casablanca", "membre"));

    FollowUpCommission commission =
        FollowUpCommission.record(
            region, CommissionLevel.REGIONAL, " Commission régionale ", members, "admin", NOW);

    assertThat(commission.name()).isEqualTo("Commission régionale");
    assertThat(commission.members()).containsExactlyElementsOf(members);
    assertThat(commission.territory()).isEqualTo(region.id());
    assertThat(commission.sameAs(CommissionLevel.REGIONAL, "commission RÉGIONALE ")).isTrue();
    assertThat(commission.sameAs(CommissionLevel.LOCAL, "Commission régionale")).isFalse();
    assertThat(commission.summary())
        .isEqualTo("commission=REGIONAL 'Commission régionale' members=2");
    assertThatThrownBy(
            () ->
                FollowUpCommission.record(
                    region, CommissionLevel.REGIONAL, "Vide", List.of(), "admin", NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one member");
    assertThatThrownBy(() -> CommissionMember.of("A", "B", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("role");
  }

  @Test
  void auditEntriesCutLongStatesAndNeedAnActor() {
    RolloutAuditEntry entry =
        RolloutAuditEntry.of(
            NOW, "admin", RolloutAction.ENABLE, commune.id(), null, "x".repeat(5000));

    assertThat(entry.before()).isEmpty();
    assertThat(entry.after()).hasValueSatisfying(a -> assertThat(a).hasSize(4000).endsWith("…"));
    assertThat(entry.tenant()).contains(commune.id());
    assertThatThrownBy(
            () -> RolloutAuditEntry.of(NOW, " ", RolloutAction.ENABLE, commune.id(), "a", "b"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
