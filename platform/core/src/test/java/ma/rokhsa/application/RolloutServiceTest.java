package ma.rokhsa.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import ma.rokhsa.domain.RuleViolation;
import ma.rokhsa.domain.model.rollout.CommissionLevel;
import ma.rokhsa.domain.model.rollout.CommissionMember;
import ma.rokhsa.domain.model.rollout.FollowUpCommission;
import ma.rokhsa.domain.model.rollout.FollowUpCommissionRepository;
import ma.rokhsa.domain.model.rollout.ReadinessEvaluation;
import ma.rokhsa.domain.model.rollout.ReadinessEvaluationRepository;
import ma.rokhsa.domain.model.rollout.RolloutAction;
import ma.rokhsa.domain.model.rollout.RolloutAuditEntry;
import ma.rokhsa.domain.model.rollout.RolloutAuditRepository;
import ma.rokhsa.domain.model.rollout.RolloutOutcome;
import ma.rokhsa.domain.model.tenant.RolloutPlan;
import ma.rokhsa.domain.model.tenant.RolloutPlanRepository;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.domain.model.tenant.TenantConfiguration;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.domain.model.tenant.TenantRepository;
import ma.rokhsa.domain.model.tenant.TenantStatus;
import ma.rokhsa.infrastructure.tenantconfig.TenantConfigLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rollout service on the repository's tenant-config/, with in-memory repositories in place of
 * the database: what it changes, what it audits, and what it refuses.
 */
class RolloutServiceTest {

  static final TenantId MOHAMMADIA = TenantId.of("06.371.01.01");
  static final TenantId CASABLANCA_SETTAT = TenantId.of("06");
  static final String ADMIN = "admin@interieur.gov.ma";

  static TenantConfiguration config;

  Tenants tenants;
  Audit audit;
  Evaluations evaluations;
  RolloutService service;

  @BeforeAll
  static void loadConfiguration() {
    config = TenantConfigLoader.load(Path.of("../../tenant-config"));
  }

  @BeforeEach
  void setUp() {
    tenants = new Tenants();
    config.tenants().values().forEach(p -> tenants.store(Tenant.declare(p)));
    Plans plans = new Plans();
    plans.store(
        new RolloutPlan(
            config.waves(), config.readinessThreshold(), config.digest(), Instant.EPOCH));
    audit = new Audit();
    evaluations = new Evaluations(tenants);
    service =
        new RolloutService(
            tenants,
            plans,
            evaluations,
            new Commissions(),
            audit,
            Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));
  }

  @Test
  void dryRunOfWave1ChangesNothingAndAuditsNothing() {
    RolloutReport report = service.enableWave("1", ADMIN, true).orElseThrow();

    assertThat(report.dryRun()).isTrue();
    assertThat(report.wave()).contains("1");
    assertThat(report.rollout().steps().stream().filter(s -> s.kind().isCommune())).hasSize(799);
    assertThat(
            report.rollout().steps(RolloutOutcome.BLOCK).stream().filter(s -> s.kind().isCommune()))
        .hasSize(67);
    assertThat(tenants.all()).allMatch(t -> t.status() == TenantStatus.PLANNED);
    assertThat(audit.entries).isEmpty();
    assertThat(service.previewWave("1").orElseThrow().rollout()).isEqualTo(report.rollout());
  }

  @Test
  void enablingMovesAndAuditsEachTenantChangedAndIsIdempotent() {
    RolloutReport first = service.enableWave("1", ADMIN, false).orElseThrow();

    int changed = first.rollout().changes().size();
    assertThat(changed).isEqualTo(5 + 37 + 799 + 35 + 1);
    assertThat(audit.entries).hasSize(changed);
    assertThat(tenants.find(MOHAMMADIA).orElseThrow().status()).isEqualTo(TenantStatus.ONBOARDING);
    assertThat(tenants.find(CASABLANCA_SETTAT).orElseThrow().status())
        .isEqualTo(TenantStatus.ACTIVE);
    assertThat(tenants.find(TenantId.of("02")).orElseThrow().status())
        .as("outside the wave")
        .isEqualTo(TenantStatus.PLANNED);
    assertThat(audit.about(MOHAMMADIA))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo(RolloutAction.ENABLE);
              assertThat(e.actor()).isEqualTo(ADMIN);
              assertThat(e.before()).contains("status=PLANNED");
              assertThat(e.after())
                  .hasValueSatisfying(
                      a ->
                          assertThat(a)
                              .startsWith("status=ONBOARDING; blocked: population 194358"));
            });
    assertThat(audit.about(CASABLANCA_SETTAT))
        .singleElement()
        .satisfies(e -> assertThat(e.after()).contains("status=ACTIVE"));

    RolloutReport again = service.enableWave("1", ADMIN, false).orElseThrow();

    assertThat(again.rollout().changes()).isEmpty();
    assertThat(audit.entries).hasSize(changed);
  }

  @Test
  void recordingAPositiveEvaluationUnblocksExactlyThatCommuneAtTheNextEnabling() {
    service.enableWave("1", ADMIN, false);
    int entries = audit.entries.size();

    ReadinessEvaluation evaluation =
        service
            .recordEvaluation(
                MOHAMMADIA, LocalDate.parse("2026-11-28"), "ADD", "connectivity", true, ADMIN)
            .orElseThrow();

    assertThat(evaluation.tenant()).isEqualTo(MOHAMMADIA);
    assertThat(tenants.find(MOHAMMADIA).orElseThrow().status())
        .as("recording activates nothing by itself")
        .isEqualTo(TenantStatus.ONBOARDING);
    RolloutAuditEntry recorded = audit.entries.get(audit.entries.size() - 1);
    assertThat(recorded.action()).isEqualTo(RolloutAction.RECORD_READINESS_EVALUATION);
    assertThat(recorded.before()).contains("readiness=none");
    assertThat(recorded.after()).contains("readiness=positive on 2026-11-28 by ADD");

    RolloutReport preview = service.previewWave("1").orElseThrow();
    assertThat(preview.rollout().changes())
        .singleElement()
        .satisfies(s -> assertThat(s.tenant()).isEqualTo(MOHAMMADIA));

    service.enable(List.of(CASABLANCA_SETTAT), ADMIN, false);

    assertThat(tenants.find(MOHAMMADIA).orElseThrow().status()).isEqualTo(TenantStatus.ACTIVE);
    assertThat(audit.entries).hasSize(entries + 2);
  }

  @Test
  void aNegativeEvaluationIsRecordedAndUnblocksNothing() {
    service.recordEvaluation(
        MOHAMMADIA, LocalDate.parse("2026-11-28"), "ADD", "no network", false, ADMIN);

    assertThat(service.preview(List.of(CASABLANCA_SETTAT)).orElseThrow().rollout().step(MOHAMMADIA))
        .hasValueSatisfying(s -> assertThat(s.outcome()).isEqualTo(RolloutOutcome.BLOCK));
    assertThat(service.evaluations(MOHAMMADIA)).hasValueSatisfying(l -> assertThat(l).hasSize(1));
  }

  @Test
  void onlyCommunesAreEvaluatedAndARefusalRecordsNothing() {
    assertThatThrownBy(
            () ->
                service.recordEvaluation(
                    TenantId.of("06.141"), LocalDate.parse("2026-11-28"), "ADD", "c", true, ADMIN))
        .isInstanceOf(RuleViolation.class);
    assertThat(audit.entries).isEmpty();
    assertThat(evaluations.stored).isEmpty();
    assertThat(
            service.recordEvaluation(
                TenantId.of("06.999.99.9"), LocalDate.parse("2026-11-28"), "ADD", "c", true, ADMIN))
        .isEmpty();
  }

  @Test
  void suspendingAndResumingAreAuditedAndFollowTheLifecycle() {
    TenantId settat = TenantId.of("06.111.01.05");
    assertThatThrownBy(() -> service.suspend(settat, ADMIN))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("06.111.01.05 is PLANNED; a tenant is suspended only when ACTIVE")
        .hasMessageContaining("PLANNED");
    service.enableWave("1", ADMIN, false);
    audit.entries.clear();

    assertThat(service.suspend(settat, ADMIN))
        .hasValueSatisfying(t -> assertThat(t.status()).isEqualTo(TenantStatus.SUSPENDED));
    assertThat(service.previewWave("1").orElseThrow().rollout().step(settat))
        .hasValueSatisfying(s -> assertThat(s.outcome()).isEqualTo(RolloutOutcome.LEAVE));
    assertThatThrownBy(() -> service.suspend(settat, ADMIN)).isInstanceOf(RuleViolation.class);
    assertThat(service.resume(settat, ADMIN))
        .hasValueSatisfying(t -> assertThat(t.status()).isEqualTo(TenantStatus.ACTIVE));
    assertThatThrownBy(() -> service.resume(settat, ADMIN))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("a tenant is resumed only when SUSPENDED");
    assertThatThrownBy(() -> service.resume(MOHAMMADIA, ADMIN))
        .as("an onboarding commune is activated by enabling, after its evaluation")
        .isInstanceOf(RuleViolation.class);

    assertThat(audit.entries)
        .extracting(
            RolloutAuditEntry::action, e -> e.before().orElseThrow(), e -> e.after().orElseThrow())
        .containsExactly(
            tuple(RolloutAction.SUSPEND, "status=ACTIVE", "status=SUSPENDED"),
            tuple(RolloutAction.RESUME, "status=SUSPENDED", "status=ACTIVE"));
    assertThat(service.audit(Optional.of(settat), 1))
        .singleElement()
        .satisfies(e -> assertThat(e.action()).isEqualTo(RolloutAction.RESUME));
  }

  @Test
  void commissionsAreRecordedOncePerLevelAndName() {
    List<CommissionMember> members =
        List.of(CommissionMember.of("Wali", "Wilaya de Casablanca-Settat", "président"));

    FollowUpCommission commission =
        service
            .recordCommission(
                CASABLANCA_SETTAT, CommissionLevel.REGIONAL, "Commission régionale", members, ADMIN)
            .orElseThrow();

    assertThat(service.commissions(CASABLANCA_SETTAT))
        .hasValueSatisfying(l -> assertThat(l).containsExactly(commission));
    assertThat(audit.about(CASABLANCA_SETTAT))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo(RolloutAction.RECORD_COMMISSION);
              assertThat(e.before()).isEmpty();
              assertThat(e.after())
                  .contains("commission=REGIONAL 'Commission régionale' members=1");
            });
    assertThatThrownBy(
            () ->
                service.recordCommission(
                    CASABLANCA_SETTAT,
                    CommissionLevel.REGIONAL,
                    "commission régionale",
                    members,
                    ADMIN))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("already has");
    assertThatThrownBy(
            () ->
                service.recordCommission(
                    CASABLANCA_SETTAT, CommissionLevel.LOCAL, "Locale", members, ADMIN))
        .isInstanceOf(RuleViolation.class);
    assertThat(
            service.recordCommission(
                TenantId.of("06.141"), CommissionLevel.LOCAL, "Commission locale", members, ADMIN))
        .isPresent();
  }

  @Test
  void unknownWavesAndRegionsAnswerEmpty() {
    assertThat(service.previewWave("9")).isEmpty();
    assertThat(service.enableWave("9", ADMIN, false)).isEmpty();
    assertThat(service.preview(List.of(TenantId.of("06.141")))).as("not a region").isEmpty();
    assertThat(service.enable(List.of(TenantId.of("13")), ADMIN, false)).isEmpty();
    assertThat(service.waves()).hasSize(1);
  }

  @Test
  void theAuditListsNewestFirstUpToTheLimit() {
    service.enableWave("1", ADMIN, false);

    assertThat(service.audit(Optional.empty(), 10)).hasSize(10);
    assertThat(service.audit(Optional.of(MOHAMMADIA), 100)).hasSize(1);
    assertThatThrownBy(() -> service.audit(Optional.empty(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // In-memory repositories: enough of the database for the service's logic.

  static final class Tenants implements TenantRepository {
    final Map<TenantId, Tenant> byId = new TreeMap<>();

    @Override
    public Optional<Tenant> find(TenantId id) {
      return Optional.ofNullable(byId.get(id));
    }

    // No @Override: TenantRepository is gaining this method in a change under way; the fake
    // compiles with and without it.
    public Optional<Tenant> findForUpdate(TenantId id) {
      return find(id);
    }

    @Override
    public List<Tenant> findAll() {
      return List.copyOf(byId.values());
    }

    @Override
    public List<Tenant> findWithin(TenantId root) {
      return byId.values().stream().filter(t -> t.isWithin(root)).toList();
    }

    @Override
    public void store(Tenant tenant) {
      byId.put(tenant.id(), tenant);
    }

    List<Tenant> all() {
      return findAll();
    }
  }

  static final class Plans implements RolloutPlanRepository {
    RolloutPlan plan;

    @Override
    public Optional<RolloutPlan> find() {
      return Optional.ofNullable(plan);
    }

    @Override
    public void store(RolloutPlan plan) {
      this.plan = plan;
    }
  }

  static final class Evaluations implements ReadinessEvaluationRepository {
    final List<ReadinessEvaluation> stored = new ArrayList<>();
    final Tenants tenants;

    Evaluations(Tenants tenants) {
      this.tenants = tenants;
    }

    @Override
    public void store(ReadinessEvaluation evaluation) {
      stored.add(evaluation);
    }

    @Override
    public List<ReadinessEvaluation> findFor(TenantId tenant) {
      return stored.stream()
          .filter(e -> e.tenant().equals(tenant))
          .sorted(ReadinessEvaluation.CHRONOLOGICAL.reversed())
          .toList();
    }

    @Override
    public List<ReadinessEvaluation> findWithin(TenantId root) {
      return stored.stream()
          .filter(e -> tenants.find(e.tenant()).orElseThrow().isWithin(root))
          .toList();
    }
  }

  static final class Commissions implements FollowUpCommissionRepository {
    final List<FollowUpCommission> stored = new ArrayList<>();

    @Override
    public void store(FollowUpCommission commission) {
      stored.add(commission);
    }

    @Override
    public List<FollowUpCommission> findFor(TenantId territory) {
      return stored.stream().filter(c -> c.territory().equals(territory)).toList();
    }
  }

  static final class Audit implements RolloutAuditRepository {
    final List<RolloutAuditEntry> entries = new ArrayList<>();

    @Override
    public void append(RolloutAuditEntry entry) {
      entries.add(entry);
    }

    @Override
    public List<RolloutAuditEntry> latest(Optional<TenantId> tenant, int limit) {
      List<RolloutAuditEntry> newestFirst = new ArrayList<>(entries);
      Collections.reverse(newestFirst);
      return newestFirst.stream()
          .sorted(Comparator.comparing(RolloutAuditEntry::at).reversed())
          .filter(e -> tenant.isEmpty() || e.tenant().equals(tenant))
          .limit(limit)
          .toList();
    }

    List<RolloutAuditEntry> about(TenantId tenant) {
      return entries.stream().filter(e -> e.tenant().filter(tenant::equals).isPresent()).toList();
    }
  }
}
