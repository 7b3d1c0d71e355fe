package ma.rokhsa.domain.model.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.domain.model.tenant.TenantConfiguration;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.domain.model.tenant.TenantKind;
import ma.rokhsa.domain.model.tenant.TenantStatus;
import ma.rokhsa.infrastructure.tenantconfig.TenantConfigLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rollout computed on the repository's own tenant-config/ (RGPH 2024 populations). */
class RolloutTest {

  static TenantConfiguration config;
  static List<TenantId> wave1;

  static final TenantId CASABLANCA = TenantId.of("06.141.01.0");

  /** Mohammadia: 194,358 inhabitants, no arrondissements. */
  static final TenantId MOHAMMADIA = TenantId.of("06.371.01.01");

  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  Map<TenantId, Tenant> tenants;

  @BeforeAll
  static void loadConfiguration() {
    config = TenantConfigLoader.load(Path.of("../../tenant-config"));
    wave1 = config.waves().get(0).regions();
  }

  @BeforeEach
  void declareTenants() {
    tenants = new LinkedHashMap<>();
    config.tenants().values().forEach(p -> tenants.put(p.id(), Tenant.declare(p)));
  }

  @Test
  void wave1ListsItsCommunesAndBlocksThoseOverTheThreshold() {
    assertThat(wave1).extracting(TenantId::value).containsExactly("06", "04", "01", "07", "05");

    Rollout rollout = rollout(Readiness.none());

    List<RolloutStep> communes = communes(rollout.steps());
    assertThat(communes).hasSize(799);
    List<RolloutStep> blocked = communes(rollout.steps(RolloutOutcome.BLOCK));
    assertThat(blocked).hasSize(67);
    assertThat(blocked)
        .allSatisfy(
            step -> {
              assertThat(step.population())
                  .hasValueSatisfying(p -> assertThat(p).isGreaterThan(50_000));
              assertThat(step.path()).containsExactly(TenantStatus.ONBOARDING);
              assertThat(step.reason())
                  .hasValueSatisfying(
                      r ->
                          assertThat(r)
                              .contains("population " + step.population().orElseThrow())
                              .contains("readiness threshold of 50000")
                              .contains("no readiness evaluation"));
            });
    assertThat(communes(rollout.steps(RolloutOutcome.ACTIVATE)))
        .hasSize(799 - 67)
        .allSatisfy(
            step -> {
              assertThat(step.population().orElseThrow()).isLessThanOrEqualTo(50_000);
              assertThat(step.path()).containsExactly(TenantStatus.ONBOARDING, TenantStatus.ACTIVE);
              assertThat(step.reason()).isEmpty();
            });
  }

  @Test
  void everyUnitWithinTheWaveTakesPartAndNothingOutsideIt() {
    Rollout rollout = rollout(Readiness.none());

    Map<TenantKind, Map<RolloutOutcome, Integer>> byKind = rollout.countByKind();
    assertThat(byKind.get(TenantKind.REGION).get(RolloutOutcome.ACTIVATE)).isEqualTo(5);
    assertThat(
            byKind.get(TenantKind.PREFECTURE).get(RolloutOutcome.ACTIVATE)
                + byKind.get(TenantKind.PROVINCE).get(RolloutOutcome.ACTIVATE))
        .isEqualTo(37);
    assertThat(byKind.get(TenantKind.ARRONDISSEMENT).get(RolloutOutcome.BLOCK)).isEqualTo(35);
    assertThat(rollout.step(TenantId.of("svc-agence-urbaine-casablanca")))
        .hasValueSatisfying(s -> assertThat(s.outcome()).isEqualTo(RolloutOutcome.ACTIVATE));
    assertThat(rollout.steps()).hasSize(5 + 37 + 799 + 35 + 1);
    assertThat(rollout.steps())
        .noneMatch(s -> s.tenant().value().startsWith("02"))
        .noneMatch(s -> s.tenant().value().startsWith("03"));
    assertThat(rollout.countByOutcome())
        .containsEntry(RolloutOutcome.BLOCK, 67 + 35)
        .containsEntry(RolloutOutcome.ACTIVATE, 5 + 37 + 732 + 1)
        .containsEntry(RolloutOutcome.ALREADY_ACTIVE, 0)
        .containsEntry(RolloutOutcome.LEAVE, 0);
  }

  @Test
  void aPositiveEvaluationUnblocksExactlyThatCommune() {
    Set<TenantId> blockedBefore = ids(rollout(Readiness.none()).steps(RolloutOutcome.BLOCK));

    Rollout after = rollout(Readiness.of(List.of(evaluation(MOHAMMADIA, "2026-11-20", true))));

    Set<TenantId> blockedAfter = ids(after.steps(RolloutOutcome.BLOCK));
    assertThat(blockedBefore).contains(MOHAMMADIA);
    assertThat(blockedBefore).containsAll(blockedAfter);
    assertThat(difference(blockedBefore, blockedAfter)).containsExactly(MOHAMMADIA);
    assertThat(after.step(MOHAMMADIA).orElseThrow().outcome()).isEqualTo(RolloutOutcome.ACTIVATE);
    assertThat(communes(after.steps(RolloutOutcome.BLOCK))).hasSize(66);
  }

  @Test
  void aNegativeEvaluationDoesNotUnblock() {
    Rollout rollout = rollout(Readiness.of(List.of(evaluation(MOHAMMADIA, "2026-11-20", false))));

    RolloutStep step = rollout.step(MOHAMMADIA).orElseThrow();
    assertThat(step.outcome()).isEqualTo(RolloutOutcome.BLOCK);
    assertThat(step.reason())
        .hasValueSatisfying(
            r ->
                assertThat(r)
                    .contains("latest readiness evaluation (2026-11-20, ADD) is negative"));
    assertThat(communes(rollout.steps(RolloutOutcome.BLOCK))).hasSize(67);
  }

  @Test
  void theLatestEvaluationDecides() {
    ReadinessEvaluation positive = evaluation(MOHAMMADIA, "2026-10-01", true);
    ReadinessEvaluation laterNegative = evaluation(MOHAMMADIA, "2026-11-01", false);
    ReadinessEvaluation backDatedNegative = evaluation(MOHAMMADIA, "2026-09-01", false);

    assertThat(outcome(MOHAMMADIA, positive, laterNegative)).isEqualTo(RolloutOutcome.BLOCK);
    assertThat(outcome(MOHAMMADIA, laterNegative, positive)).isEqualTo(RolloutOutcome.BLOCK);
    assertThat(outcome(MOHAMMADIA, backDatedNegative, positive))
        .as("an evaluation dated earlier than the decisive one changes nothing")
        .isEqualTo(RolloutOutcome.ACTIVATE);
    assertThat(
            outcome(
                MOHAMMADIA, laterNegative, positive, evaluation(MOHAMMADIA, "2026-11-15", true)))
        .isEqualTo(RolloutOutcome.ACTIVATE);
  }

  @Test
  void theSameDayTheEvaluationRecordedLastDecides() {
    ReadinessEvaluation negative =
        ReadinessEvaluation.record(
            tenants.get(MOHAMMADIA), LocalDate.parse("2026-11-20"), "ADD", "c", false, "a", NOW);
    ReadinessEvaluation positive =
        ReadinessEvaluation.record(
            tenants.get(MOHAMMADIA),
            LocalDate.parse("2026-11-20"),
            "ADD",
            "c",
            true,
            "a",
            NOW.plusSeconds(60));

    assertThat(Readiness.of(List.of(positive, negative)).isReady(MOHAMMADIA)).isTrue();
    assertThat(Readiness.of(List.of(negative, positive)).isReady(MOHAMMADIA)).isTrue();
  }

  @Test
  void arrondissementsOfABlockedCityWaitWithIt() {
    Rollout blocked = rollout(Readiness.none());

    List<RolloutStep> arrondissements =
        blocked.steps().stream().filter(s -> isChildOf(s, CASABLANCA)).toList();
    assertThat(arrondissements).hasSize(16);
    assertThat(arrondissements)
        .allSatisfy(
            s -> {
              assertThat(s.kind()).isEqualTo(TenantKind.ARRONDISSEMENT);
              assertThat(s.outcome()).isEqualTo(RolloutOutcome.BLOCK);
              assertThat(s.path()).containsExactly(TenantStatus.ONBOARDING);
              assertThat(s.reason())
                  .hasValueSatisfying(
                      r ->
                          assertThat(r)
                              .startsWith("arrondissement of 06.141.01.0, which is blocked"));
            });

    Rollout ready = rollout(Readiness.of(List.of(evaluation(CASABLANCA, "2026-11-20", true))));

    assertThat(ready.steps().stream().filter(s -> isChildOf(s, CASABLANCA)))
        .hasSize(16)
        .allSatisfy(s -> assertThat(s.outcome()).isEqualTo(RolloutOutcome.ACTIVATE));
    assertThat(
            difference(
                ids(blocked.steps(RolloutOutcome.BLOCK)), ids(ready.steps(RolloutOutcome.BLOCK))))
        .as("the commune and its 16 arrondissements, nothing else")
        .hasSize(17)
        .contains(CASABLANCA);
  }

  @Test
  void aSuspendedCommuneIsLeftAlone() {
    TenantId mansouria = TenantId.of("06.111.01.05"); // 29,139: under the threshold
    walk(
        tenants.get(mansouria),
        TenantStatus.ONBOARDING,
        TenantStatus.ACTIVE,
        TenantStatus.SUSPENDED);
    walk(
        tenants.get(MOHAMMADIA),
        TenantStatus.ONBOARDING,
        TenantStatus.ACTIVE,
        TenantStatus.SUSPENDED);

    Rollout rollout = rollout(Readiness.of(List.of(evaluation(MOHAMMADIA, "2026-11-20", true))));

    for (TenantId suspended : List.of(mansouria, MOHAMMADIA)) {
      RolloutStep step = rollout.step(suspended).orElseThrow();
      assertThat(step.outcome()).isEqualTo(RolloutOutcome.LEAVE);
      assertThat(step.path()).isEmpty();
      assertThat(step.changesStatus()).isFalse();
      assertThat(step.target()).isEqualTo(TenantStatus.SUSPENDED);
      assertThat(step.reason()).hasValueSatisfying(r -> assertThat(r).contains("suspended"));
    }
  }

  @Test
  void enablingAgainActivatesOnlyWhatWasUnblockedSince() {
    apply(rollout(Readiness.none()));

    Rollout again = rollout(Readiness.none());
    assertThat(again.changes()).isEmpty();
    assertThat(again.countByOutcome())
        .containsEntry(RolloutOutcome.ACTIVATE, 0)
        .containsEntry(RolloutOutcome.BLOCK, 67 + 35)
        .containsEntry(RolloutOutcome.ALREADY_ACTIVE, 5 + 37 + 732 + 1);
    assertThat(again.steps(RolloutOutcome.BLOCK))
        .allSatisfy(s -> assertThat(s.current()).isEqualTo(TenantStatus.ONBOARDING));

    Rollout unblocked = rollout(Readiness.of(List.of(evaluation(MOHAMMADIA, "2026-11-20", true))));

    assertThat(unblocked.changes())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.tenant()).isEqualTo(MOHAMMADIA);
              assertThat(s.path()).containsExactly(TenantStatus.ACTIVE);
            });
  }

  @Test
  void anActiveCommuneStaysActiveWhateverItsLaterEvaluations() {
    apply(rollout(Readiness.of(List.of(evaluation(MOHAMMADIA, "2026-10-01", true)))));

    Rollout rollout =
        rollout(
            Readiness.of(
                List.of(
                    evaluation(MOHAMMADIA, "2026-10-01", true),
                    evaluation(MOHAMMADIA, "2026-11-01", false))));

    assertThat(rollout.step(MOHAMMADIA).orElseThrow().outcome())
        .isEqualTo(RolloutOutcome.ALREADY_ACTIVE);
  }

  @Test
  void theThresholdComesFromTheCaller() {
    Rollout rollout = Rollout.of(wave1, tenants.values(), Readiness.none(), 100_000);

    assertThat(communes(rollout.steps(RolloutOutcome.BLOCK)))
        .isNotEmpty()
        .hasSizeLessThan(67)
        .allSatisfy(s -> assertThat(s.population().orElseThrow()).isGreaterThan(100_000));
    assertThat(rollout.readinessThreshold()).isEqualTo(100_000);
  }

  @Test
  void oneRegionAlone() {
    Rollout rollout =
        Rollout.of(List.of(TenantId.of("04")), tenants.values(), Readiness.none(), 50_000);

    assertThat(rollout.regions()).containsExactly(TenantId.of("04"));
    assertThat(rollout.steps()).allMatch(s -> s.tenant().value().startsWith("04"));
    assertThat(rollout.steps()).extracting(RolloutStep::tenant).isSorted();
  }

  private Rollout rollout(Readiness readiness) {
    return Rollout.of(wave1, tenants.values(), readiness, config.readinessThreshold());
  }

  private RolloutOutcome outcome(TenantId commune, ReadinessEvaluation... evaluations) {
    return rollout(Readiness.of(List.of(evaluations))).step(commune).orElseThrow().outcome();
  }

  private ReadinessEvaluation evaluation(TenantId commune, String date, boolean positive) {
    return ReadinessEvaluation.record(
        tenants.get(commune),
        LocalDate.parse(date),
        "ADD",
        "connectivity, trained agents, scanners",
        positive,
        "admin@interieur.gov.ma",
        NOW);
  }

  /** Does what the application service does with a rollout: walk each tenant's path. */
  private void apply(Rollout rollout) {
    for (RolloutStep step : rollout.changes()) {
      step.path().forEach(tenants.get(step.tenant())::moveTo);
    }
  }

  private static void walk(Tenant tenant, TenantStatus... statuses) {
    for (TenantStatus status : statuses) {
      tenant.moveTo(status);
    }
  }

  private boolean isChildOf(RolloutStep step, TenantId parent) {
    return tenants.get(step.tenant()).parent().filter(parent::equals).isPresent()
        && step.kind() == TenantKind.ARRONDISSEMENT;
  }

  private static List<RolloutStep> communes(List<RolloutStep> steps) {
    return steps.stream().filter(s -> s.kind().isCommune()).toList();
  }

  private static Set<TenantId> ids(Collection<RolloutStep> steps) {
    return steps.stream().map(RolloutStep::tenant).collect(Collectors.toSet());
  }

  private static Set<TenantId> difference(Set<TenantId> a, Set<TenantId> b) {
    return a.stream().filter(id -> !b.contains(id)).collect(Collectors.toSet());
  }
}
