package ma.rokhsa.domain.model.rollout;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.domain.model.tenant.TenantKind;
import ma.rokhsa.domain.model.tenant.TenantStatus;

/**
 * What enabling a set of regions does: for every tenant within them (the regions themselves,
 * prefectures and provinces, communes, arrondissements and decentralized services) one {@link
 * RolloutStep}. Pure: it reads the tenants and changes nothing; applying it is the caller's job.
 *
 * <p>The rules, in order:
 *
 * <ol>
 *   <li>a SUSPENDED tenant is left alone ({@link RolloutOutcome#LEAVE}): only resuming it
 *       re-activates it;
 *   <li>an ACTIVE tenant stays so ({@link RolloutOutcome#ALREADY_ACTIVE}), whatever its evaluations
 *       say since: taking it out of service is a suspension, decided on its own;
 *   <li>a commune over the readiness threshold (or of unknown population) whose latest readiness
 *       evaluation is not positive is blocked ({@link RolloutOutcome#BLOCK}), and so are the
 *       arrondissements of a blocked commune: they go to ONBOARDING and wait;
 *   <li>every other tenant is activated ({@link RolloutOutcome#ACTIVATE}), walking PLANNED →
 *       ONBOARDING → ACTIVE.
 * </ol>
 *
 * <p>Enabling the same regions again therefore activates only what was unblocked since.
 *
 * @param regions the regions enabled
 * @param readinessThreshold communes over this population need a positive evaluation
 * @param steps one per tenant within the regions, ordered by tenant id
 */
public record Rollout(List<TenantId> regions, long readinessThreshold, List<RolloutStep> steps) {

  public Rollout {
    regions = List.copyOf(regions);
    steps = List.copyOf(steps);
  }

  /**
   * Computes the rollout of {@code regions}.
   *
   * @param regions the regions to enable
   * @param tenants the tenants to consider; those not within one of {@code regions} are ignored
   * @param readiness the readiness evaluations of the communes
   * @param readinessThreshold communes with more inhabitants than this need a positive evaluation
   */
  public static Rollout of(
      Collection<TenantId> regions,
      Collection<Tenant> tenants,
      Readiness readiness,
      long readinessThreshold) {
    Objects.requireNonNull(readiness, "readiness");
    List<TenantId> scope = List.copyOf(regions);
    List<Tenant> within =
        tenants.stream()
            .filter(t -> scope.stream().anyMatch(t::isWithin))
            .sorted(Comparator.comparing(Tenant::id))
            .toList();

    // Communes first: an arrondissement's outcome depends on its commune's.
    Map<TenantId, RolloutStep> communes = new HashMap<>();
    for (Tenant tenant : within) {
      if (tenant.kind().isCommune()) {
        communes.put(
            tenant.id(), stepOf(tenant, communeBlock(tenant, readiness, readinessThreshold)));
      }
    }
    List<RolloutStep> steps = new ArrayList<>(within.size());
    for (Tenant tenant : within) {
      RolloutStep step = communes.get(tenant.id());
      if (step == null) {
        Optional<String> block =
            tenant.kind() == TenantKind.ARRONDISSEMENT
                ? tenant
                    .parent()
                    .map(communes::get)
                    .filter(c -> c.outcome() == RolloutOutcome.BLOCK)
                    .map(
                        c -> "arrondissement of " + c.tenant() + ", which is blocked: " + reason(c))
                : Optional.empty();
        step = stepOf(tenant, block);
      }
      steps.add(step);
    }
    return new Rollout(scope, readinessThreshold, steps);
  }

  private static String reason(RolloutStep step) {
    return step.reason().orElse("blocked");
  }

  /** Why {@code commune} must wait, if it must. */
  private static Optional<String> communeBlock(
      Tenant commune, Readiness readiness, long threshold) {
    Optional<Long> population = commune.population();
    if (population.isPresent() && population.get() <= threshold) {
      return Optional.empty();
    }
    if (readiness.isReady(commune.id())) {
      return Optional.empty();
    }
    String size =
        population
            .map(p -> "population " + p + " is over the readiness threshold of " + threshold)
            .orElse("population unknown (readiness threshold " + threshold + ")");
    String evaluation =
        readiness
            .latest(commune.id())
            .map(
                e ->
                    "the latest readiness evaluation ("
                        + e.evaluatedOn()
                        + ", "
                        + Texts.abbreviate(e.evaluator(), 100)
                        + ") is negative")
            .orElse("no readiness evaluation is recorded");
    return Optional.of(size + " and " + evaluation);
  }

  private static RolloutStep stepOf(Tenant tenant, Optional<String> block) {
    TenantStatus current = tenant.status();
    RolloutOutcome outcome;
    Optional<String> reason = Optional.empty();
    List<TenantStatus> path;
    if (current == TenantStatus.SUSPENDED) {
      outcome = RolloutOutcome.LEAVE;
      reason = Optional.of("suspended: a wave never re-activates a suspended tenant; resume it");
      path = List.of();
    } else if (current == TenantStatus.ACTIVE) {
      outcome = RolloutOutcome.ALREADY_ACTIVE;
      path = List.of();
    } else if (block.isPresent()) {
      outcome = RolloutOutcome.BLOCK;
      reason = block;
      path = walk(current, TenantStatus.ONBOARDING);
    } else {
      outcome = RolloutOutcome.ACTIVATE;
      path = walk(current, TenantStatus.ACTIVE);
    }
    return new RolloutStep(
        tenant.id(),
        tenant.kind(),
        tenant.nameFr(),
        tenant.population(),
        current,
        outcome,
        path,
        reason);
  }

  /** The statuses from {@code from} (excluded) to {@code to} on the way PLANNED → ACTIVE. */
  private static List<TenantStatus> walk(TenantStatus from, TenantStatus to) {
    List<TenantStatus> path = new ArrayList<>();
    TenantStatus at = from;
    while (at.compareTo(to) < 0) {
      Set<TenantStatus> next = at.next();
      at = next.iterator().next();
      path.add(at);
    }
    return path;
  }

  /** The steps with this outcome, ordered by tenant id. */
  public List<RolloutStep> steps(RolloutOutcome outcome) {
    return select(s -> s.outcome() == outcome);
  }

  /** The steps that change a tenant's status, ordered by tenant id. */
  public List<RolloutStep> changes() {
    return select(RolloutStep::changesStatus);
  }

  /** The step of {@code tenant}, if it is within the regions. */
  public Optional<RolloutStep> step(TenantId tenant) {
    return steps.stream().filter(s -> s.tenant().equals(tenant)).findFirst();
  }

  /** How many tenants have each outcome (every outcome present, zero included). */
  public Map<RolloutOutcome, Integer> countByOutcome() {
    Map<RolloutOutcome, Integer> counts = zeroCounts();
    steps.forEach(s -> counts.merge(s.outcome(), 1, Integer::sum));
    return counts;
  }

  /** For each kind present, how many tenants of it have each outcome. */
  public Map<TenantKind, Map<RolloutOutcome, Integer>> countByKind() {
    Map<TenantKind, Map<RolloutOutcome, Integer>> counts = new EnumMap<>(TenantKind.class);
    for (RolloutStep step : steps) {
      counts.computeIfAbsent(step.kind(), k -> zeroCounts()).merge(step.outcome(), 1, Integer::sum);
    }
    return counts;
  }

  private static Map<RolloutOutcome, Integer> zeroCounts() {
    Map<RolloutOutcome, Integer> counts = new EnumMap<>(RolloutOutcome.class);
    for (RolloutOutcome outcome : RolloutOutcome.values()) {
      counts.put(outcome, 0);
    }
    return counts;
  }

  private List<RolloutStep> select(Predicate<RolloutStep> filter) {
    return steps.stream().filter(filter).toList();
  }
}
