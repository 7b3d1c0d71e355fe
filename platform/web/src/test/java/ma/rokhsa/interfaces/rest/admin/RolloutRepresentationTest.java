package ma.rokhsa.interfaces.rest.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import ma.rokhsa.application.RolloutReport;
import ma.rokhsa.domain.model.rollout.CommissionLevel;
import ma.rokhsa.domain.model.rollout.CommissionMember;
import ma.rokhsa.domain.model.rollout.FollowUpCommission;
import ma.rokhsa.domain.model.rollout.Readiness;
import ma.rokhsa.domain.model.rollout.ReadinessEvaluation;
import ma.rokhsa.domain.model.rollout.Rollout;
import ma.rokhsa.domain.model.rollout.RolloutAction;
import ma.rokhsa.domain.model.rollout.RolloutAuditEntry;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.domain.model.tenant.TenantConfiguration;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.domain.model.tenant.TenantStatus;
import ma.rokhsa.infrastructure.tenantconfig.TenantConfigLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the rollout API answers, from the repository's own tenant-config/. */
class RolloutRepresentationTest {

  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  static TenantConfiguration config;
  static Map<TenantId, Tenant> tenants;

  @BeforeAll
  static void load() {
    config = TenantConfigLoader.load(Path.of("../../tenant-config"));
    tenants =
        config.tenants().values().stream().collect(Collectors.toMap(p -> p.id(), Tenant::declare));
  }

  @Test
  void dryRunOfWave1CountsCommunesAndListsTheBlockedWithTheirReasons() {
    Rollout rollout =
        Rollout.of(
            config.waves().get(0).regions(),
            tenants.values(),
            Readiness.none(),
            config.readinessThreshold());

    RolloutReportRepresentation report =
        RolloutReportRepresentation.of(new RolloutReport(Optional.of("1"), true, rollout));

    assertThat(report.dryRun()).isTrue();
    assertThat(report.wave()).isEqualTo("1");
    assertThat(report.regions()).containsExactly("06", "04", "01", "07", "05");
    assertThat(report.readinessThreshold()).isEqualTo(50_000);
    assertThat(communes(report, "ACTIVATE") + communes(report, "BLOCK")).isEqualTo(799);
    assertThat(communes(report, "BLOCK")).isEqualTo(67);
    assertThat(report.outcomes())
        .containsOnlyKeys("ACTIVATE", "BLOCK", "ALREADY_ACTIVE", "LEAVE")
        .containsEntry("BLOCK", 67 + 35);
    assertThat(report.activated()).hasSize(report.outcomes().get("ACTIVATE")).contains("06");
    assertThat(report.blocked())
        .filteredOn(b -> b.kind().endsWith("COMMUNE"))
        .hasSize(67)
        .allSatisfy(
            b -> {
              assertThat(b.population()).isGreaterThan(50_000);
              assertThat(b.status()).isEqualTo("PLANNED");
              assertThat(b.becomes()).isEqualTo("ONBOARDING");
              assertThat(b.reason()).contains("readiness threshold of 50000");
            });
    assertThat(report.blocked())
        .filteredOn(b -> b.id().equals("06.141.01.0"))
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.nameFr()).isEqualTo("Casablanca");
              assertThat(b.population()).isEqualTo(3_215_935L);
              assertThat(b.kind()).isEqualTo("URBAN_COMMUNE");
            });
    assertThat(report.left()).isEmpty();
  }

  @Test
  void evaluationsCommissionsAndAuditEntriesShowWhatWasRecorded() {
    Tenant casablanca = tenants.get(TenantId.of("06.141.01.0"));
    ReadinessEvaluation evaluation =
        ReadinessEvaluation.record(
            casablanca, LocalDate.parse("2026-11-20"), "ADD", "fibre", true, "admin", NOW);
    assertThat(ReadinessEvaluationRepresentation.of(evaluation))
        .isEqualTo(
            new ReadinessEvaluationRepresentation(
                null,
                "06.141.01.0",
                LocalDate.parse("2026-11-20"),
                "ADD",
                "fibre",
                true,
                "admin",
                NOW));

    FollowUpCommission commission =
        FollowUpCommission.record(
            tenants.get(TenantId.of("06")),
            CommissionLevel.REGIONAL,
            "Commission régionale de suivi",
            List.of(CommissionMember.of("Wali", "Wilaya de Casablanca-Settat", "président")),
            "admin",
            NOW);
    assertThat(CommissionRepresentation.of(commission))
        .satisfies(
            c -> {
              assertThat(c.territory()).isEqualTo("06");
              assertThat(c.level()).isEqualTo("REGIONAL");
              assertThat(c.members())
                  .containsExactly(
                      new CommissionRepresentation.MemberRepresentation(
                          "Wali", "Wilaya de Casablanca-Settat", "président"));
            });

    RolloutAuditEntry entry =
        RolloutAuditEntry.of(
            NOW,
            "admin",
            RolloutAction.SUSPEND,
            casablanca.id(),
            "status=" + TenantStatus.ACTIVE,
            "status=" + TenantStatus.SUSPENDED);
    assertThat(RolloutAuditRepresentation.of(entry))
        .isEqualTo(
            new RolloutAuditRepresentation(
                null, NOW, "admin", "SUSPEND", "06.141.01.0", "status=ACTIVE", "status=SUSPENDED"));
  }

  @Test
  void dryRunIsTheDefaultAndOnlyTrueOrFalseAreAccepted() {
    assertThat(RolloutResource.parseDryRun(null)).contains(true);
    assertThat(RolloutResource.parseDryRun("")).contains(true);
    assertThat(RolloutResource.parseDryRun("true")).contains(true);
    assertThat(RolloutResource.parseDryRun(" FALSE ")).contains(false);
    assertThat(RolloutResource.parseDryRun("yes")).as("never read as a real run").isEmpty();
    assertThat(RolloutResource.parseDryRun("0")).isEmpty();
  }

  @Test
  void auditLimitDefaultsTo100AndStaysWithin1To1000() {
    assertThat(RolloutResource.parseLimit(null)).contains(100);
    assertThat(RolloutResource.parseLimit("1")).contains(1);
    assertThat(RolloutResource.parseLimit("1000")).contains(1000);
    assertThat(RolloutResource.parseLimit("0")).isEmpty();
    assertThat(RolloutResource.parseLimit("1001")).isEmpty();
    assertThat(RolloutResource.parseLimit("ten")).isEmpty();
  }

  private static int communes(RolloutReportRepresentation report, String outcome) {
    return report.kinds().getOrDefault("URBAN_COMMUNE", Map.of()).getOrDefault(outcome, 0)
        + report.kinds().getOrDefault("RURAL_COMMUNE", Map.of()).getOrDefault(outcome, 0);
  }
}
