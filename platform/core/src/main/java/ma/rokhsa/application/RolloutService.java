package ma.rokhsa.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import ma.rokhsa.domain.RuleViolation;
import ma.rokhsa.domain.model.rollout.CommissionLevel;
import ma.rokhsa.domain.model.rollout.CommissionMember;
import ma.rokhsa.domain.model.rollout.FollowUpCommission;
import ma.rokhsa.domain.model.rollout.FollowUpCommissionRepository;
import ma.rokhsa.domain.model.rollout.Readiness;
import ma.rokhsa.domain.model.rollout.ReadinessEvaluation;
import ma.rokhsa.domain.model.rollout.ReadinessEvaluationRepository;
import ma.rokhsa.domain.model.rollout.Rollout;
import ma.rokhsa.domain.model.rollout.RolloutAction;
import ma.rokhsa.domain.model.rollout.RolloutAuditEntry;
import ma.rokhsa.domain.model.rollout.RolloutAuditRepository;
import ma.rokhsa.domain.model.rollout.RolloutOutcome;
import ma.rokhsa.domain.model.rollout.RolloutStep;
import ma.rokhsa.domain.model.tenant.RolloutPlan;
import ma.rokhsa.domain.model.tenant.RolloutPlanRepository;
import ma.rokhsa.domain.model.tenant.RolloutWave;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.domain.model.tenant.TenantKind;
import ma.rokhsa.domain.model.tenant.TenantRepository;
import ma.rokhsa.domain.model.tenant.TenantStatus;

/**
 * The rollout as the Ministry of Interior steers it: enabling waves or regions (with a dry-run),
 * readiness evaluations of large communes, suspending and resuming tenants, follow-up commissions.
 * Every change is audited (who, when, what, before and after) in the same transaction as the change
 * itself; dry-runs and reads change nothing and audit nothing.
 *
 * <p>Methods that name a tenant or a wave answer empty when there is no such tenant or wave.
 */
@ApplicationScoped
@Transactional
public class RolloutService {

  private TenantRepository tenants;
  private RolloutPlanRepository plans;
  private ReadinessEvaluationRepository evaluations;
  private FollowUpCommissionRepository commissions;
  private RolloutAuditRepository audit;
  private Clock clock;

  /** For CDI's proxy. */
  protected RolloutService() {}

  @Inject
  RolloutService(
      TenantRepository tenants,
      RolloutPlanRepository plans,
      ReadinessEvaluationRepository evaluations,
      FollowUpCommissionRepository commissions,
      RolloutAuditRepository audit,
      Clock clock) {
    this.tenants = tenants;
    this.plans = plans;
    this.evaluations = evaluations;
    this.commissions = commissions;
    this.audit = audit;
    this.clock = clock;
  }

  /** The waves the configuration declares, in order (none before it is first applied). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<RolloutWave> waves() {
    return plans.find().map(RolloutPlan::waves).orElse(List.of());
  }

  /**
   * What enabling {@code regions} would do; empty if one of them is not a region.
   *
   * @throws RuleViolation if the tenant configuration was never applied (there is no threshold)
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<RolloutReport> preview(List<TenantId> regions) {
    return regionsOrEmpty(regions)
        .map(found -> new RolloutReport(Optional.empty(), true, compute(found)));
  }

  /** What enabling the wave {@code name} would do; empty if there is no such wave. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<RolloutReport> previewWave(String name) {
    return wave(name).map(w -> new RolloutReport(Optional.of(name), true, compute(w.regions())));
  }

  /**
   * Enables {@code regions}: activates every tenant within them that may be, moves blocked ones to
   * ONBOARDING, and audits one entry per tenant whose status changed. With {@code dryRun} it only
   * says what it would do. Idempotent: enabling again activates only what was unblocked since.
   *
   * @return what was done (or would be); empty if one of {@code regions} is not a region
   */
  public Optional<RolloutReport> enable(List<TenantId> regions, String actor, boolean dryRun) {
    requireActor(actor);
    return regionsOrEmpty(regions).map(found -> enable(Optional.empty(), found, actor, dryRun));
  }

  /** As {@link #enable(List, String, boolean)}, for the regions of the wave {@code name}. */
  public Optional<RolloutReport> enableWave(String name, String actor, boolean dryRun) {
    requireActor(actor);
    return wave(name).map(w -> enable(Optional.of(name), w.regions(), actor, dryRun));
  }

  private RolloutReport enable(
      Optional<String> wave, List<TenantId> regions, String actor, boolean dryRun) {
    Map<TenantId, Tenant> byId = new HashMap<>();
    Rollout rollout = compute(regions, byId);
    if (!dryRun) {
      Instant now = clock.instant();
      for (RolloutStep step : rollout.changes()) {
        Tenant tenant = byId.get(step.tenant());
        TenantStatus before = tenant.status();
        step.path().forEach(status -> move(tenant, status));
        String after =
            "status="
                + tenant.status()
                + (step.outcome() == RolloutOutcome.BLOCK
                    ? "; blocked: " + step.reason().orElse("")
                    : "");
        audit.append(
            RolloutAuditEntry.of(
                now, actor, RolloutAction.ENABLE, tenant.id(), "status=" + before, after));
      }
    }
    return new RolloutReport(wave, dryRun, rollout);
  }

  /**
   * Records a readiness evaluation of a commune, audited. It unblocks the commune (if positive and
   * the latest) for the next enabling of its region; it activates nothing by itself.
   *
   * @return the evaluation recorded; empty if there is no such tenant
   * @throws RuleViolation if the tenant is not a commune
   */
  public Optional<ReadinessEvaluation> recordEvaluation(
      TenantId tenant,
      LocalDate evaluatedOn,
      String evaluator,
      String criteria,
      boolean positive,
      String actor) {
    requireActor(actor);
    return tenants
        .find(tenant)
        .map(
            commune -> {
              Instant now = clock.instant();
              ReadinessEvaluation evaluation =
                  ReadinessEvaluation.record(
                      commune, evaluatedOn, evaluator, criteria, positive, actor, now);
              List<ReadinessEvaluation> earlier = evaluations.findFor(tenant);
              List<ReadinessEvaluation> all = new ArrayList<>(earlier);
              all.add(evaluation);
              evaluations.store(evaluation);
              audit.append(
                  RolloutAuditEntry.of(
                      now,
                      actor,
                      RolloutAction.RECORD_READINESS_EVALUATION,
                      tenant,
                      Readiness.of(earlier).summary(tenant),
                      Readiness.of(all).summary(tenant)));
              return evaluation;
            });
  }

  /**
   * The evaluations of {@code tenant}, the decisive one first; empty if there is no such tenant.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<List<ReadinessEvaluation>> evaluations(TenantId tenant) {
    return tenants.find(tenant).map(t -> evaluations.findFor(tenant));
  }

  /**
   * Suspends an active tenant, audited: it stops accepting deposits; its dossiers stay readable and
   * those in flight instructable.
   *
   * @return the tenant; empty if there is no such tenant
   * @throws RuleViolation if it is not ACTIVE
   */
  public Optional<Tenant> suspend(TenantId tenant, String actor) {
    return changeStatus(
        tenant, TenantStatus.ACTIVE, TenantStatus.SUSPENDED, RolloutAction.SUSPEND, actor);
  }

  /**
   * Resumes a suspended tenant, audited: it is ACTIVE again.
   *
   * @return the tenant; empty if there is no such tenant
   * @throws RuleViolation if it is not SUSPENDED (a tenant still onboarding becomes active only
   *     when its region is enabled)
   */
  public Optional<Tenant> resume(TenantId tenant, String actor) {
    return changeStatus(
        tenant, TenantStatus.SUSPENDED, TenantStatus.ACTIVE, RolloutAction.RESUME, actor);
  }

  private Optional<Tenant> changeStatus(
      TenantId id, TenantStatus from, TenantStatus to, RolloutAction action, String actor) {
    requireActor(actor);
    return tenants
        .find(id)
        .map(
            tenant -> {
              TenantStatus before = tenant.status();
              if (before != from) {
                throw new RuleViolation(
                    id
                        + " is "
                        + before
                        + "; a tenant is "
                        + (to == TenantStatus.SUSPENDED ? "suspended" : "resumed")
                        + " only when "
                        + from);
              }
              move(tenant, to);
              audit.append(
                  RolloutAuditEntry.of(
                      clock.instant(),
                      actor,
                      action,
                      id,
                      "status=" + before,
                      "status=" + tenant.status()));
              return tenant;
            });
  }

  /**
   * Records a follow-up commission set up on {@code territory} with its members, audited.
   *
   * @return the commission; empty if there is no such tenant
   * @throws RuleViolation if the level does not fit the territory (regional: regions; local:
   *     prefectures, provinces, communes), or the territory already has a commission of that level
   *     and name
   */
  public Optional<FollowUpCommission> recordCommission(
      TenantId territory,
      CommissionLevel level,
      String name,
      List<CommissionMember> members,
      String actor) {
    requireActor(actor);
    return tenants
        .find(territory)
        .map(
            tenant -> {
              Instant now = clock.instant();
              FollowUpCommission commission =
                  FollowUpCommission.record(tenant, level, name, members, actor, now);
              if (commissions.findFor(territory).stream()
                  .anyMatch(c -> c.sameAs(level, commission.name()))) {
                throw new RuleViolation(
                    territory
                        + " already has a "
                        + level
                        + " commission named '"
                        + commission.name()
                        + "'");
              }
              commissions.store(commission);
              audit.append(
                  RolloutAuditEntry.of(
                      now,
                      actor,
                      RolloutAction.RECORD_COMMISSION,
                      territory,
                      null,
                      commission.summary()));
              return commission;
            });
  }

  /** The commissions of {@code territory}; empty if there is no such tenant. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<List<FollowUpCommission>> commissions(TenantId territory) {
    return tenants.find(territory).map(t -> commissions.findFor(territory));
  }

  /**
   * The latest audit entries, newest first, at most {@code limit}; about {@code tenant} only when
   * given.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<RolloutAuditEntry> audit(Optional<TenantId> tenant, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    return audit.latest(tenant, limit);
  }

  private Optional<RolloutWave> wave(String name) {
    return plans.find().flatMap(plan -> plan.wave(name));
  }

  /** The regions without duplicates, or empty if one of them is not a known region. */
  private Optional<List<TenantId>> regionsOrEmpty(List<TenantId> regions) {
    List<TenantId> distinct = List.copyOf(new LinkedHashSet<>(regions));
    for (TenantId region : distinct) {
      if (tenants.find(region).filter(t -> t.kind() == TenantKind.REGION).isEmpty()) {
        return Optional.empty();
      }
    }
    return Optional.of(distinct);
  }

  private Rollout compute(List<TenantId> regions) {
    return compute(regions, new HashMap<>());
  }

  /** Computes the rollout of {@code regions}, filling {@code byId} with the tenants read. */
  private Rollout compute(List<TenantId> regions, Map<TenantId, Tenant> byId) {
    long threshold =
        plans
            .find()
            .map(RolloutPlan::readinessThreshold)
            .orElseThrow(
                () ->
                    new RuleViolation(
                        "the tenant configuration has not been applied yet: there is no rollout"
                            + " plan"));
    List<ReadinessEvaluation> known = new ArrayList<>();
    for (TenantId region : regions) {
      tenants.findWithin(region).forEach(t -> byId.put(t.id(), t));
      known.addAll(evaluations.findWithin(region));
    }
    return Rollout.of(regions, byId.values(), Readiness.of(known), threshold);
  }

  /** Moves {@code tenant}, turning a move its status does not allow into a rule violation. */
  private static void move(Tenant tenant, TenantStatus target) {
    TenantStatus from = tenant.status();
    if (!from.canMoveTo(target)) {
      throw new RuleViolation(
          tenant.id() + " cannot go from " + from + " to " + target,
          from.next().stream().map(Enum::name).sorted().toList());
    }
    tenant.moveTo(target);
  }

  private static void requireActor(String actor) {
    Objects.requireNonNull(actor, "actor");
    if (actor.isBlank()) {
      throw new IllegalArgumentException("actor must not be blank");
    }
  }
}
