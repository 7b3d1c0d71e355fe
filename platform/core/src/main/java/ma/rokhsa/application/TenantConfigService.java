package ma.rokhsa.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;
import ma.rokhsa.domain.model.tenant.RolloutPlan;
import ma.rokhsa.domain.model.tenant.RolloutPlanRepository;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.domain.model.tenant.TenantConfiguration;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.domain.model.tenant.TenantProfile;
import ma.rokhsa.domain.model.tenant.TenantRepository;

/**
 * Applies the tenant configuration to the database: idempotently (applying the same configuration
 * twice changes nothing), in one transaction (a configuration is applied whole or not at all), and
 * saying what changed. Tenants are never deleted here; rollout statuses are never touched.
 */
@ApplicationScoped
public class TenantConfigService {

  private static final Logger LOG = Logger.getLogger(TenantConfigService.class.getName());

  private TenantConfigSource source;
  private TenantRepository tenants;
  private RolloutPlanRepository plans;
  private ma.rokhsa.domain.model.audit.AuditRepository audit;
  private Clock clock;
  private SecurityAudit securityAudit;

  /** For CDI's proxy. */
  protected TenantConfigService() {}

  @Inject
  void auditedBy(SecurityAudit securityAudit) {
    this.securityAudit = securityAudit;
  }

  @Inject
  TenantConfigService(
      TenantConfigSource source,
      TenantRepository tenants,
      RolloutPlanRepository plans,
      ma.rokhsa.domain.model.audit.AuditRepository audit,
      Clock clock) {
    this.audit = audit;
    this.source = source;
    this.tenants = tenants;
    this.plans = plans;
    this.clock = clock;
  }

  /** Reads the configuration and applies it (the platform, at start); see below. */
  @Transactional
  public TenantConfigReport reload() {
    return reload(ma.rokhsa.domain.model.audit.AuditEvent.SYSTEM, "");
  }

  /**
   * Reads the configuration and applies it; throws, changing nothing, if it is broken. The reload
   * is recorded in the national audit chain, with who asked and what changed.
   */
  @Transactional
  public TenantConfigReport reload(String actor, String address) {
    TenantConfiguration configuration = source.load();
    TenantConfigReport report = apply(configuration);
    int chains = audit.startMissingChains();
    if (chains > 0) {
      LOG.info(() -> "Audit chains started for " + chains + " new tenant(s)");
    }
    String summary = report.summary();
    int max = ma.rokhsa.domain.model.audit.AuditEvent.DETAIL_LENGTH;
    securityAudit.record(
        TenantId.NATIONAL,
        new ma.rokhsa.domain.model.audit.AuditEvent(
            actor,
            "tenant-config.reloaded",
            "tenant-config",
            "tenant-config",
            summary.length() > max ? summary.substring(0, max - 1) + "…" : summary,
            address));
    LOG.info(report::summary);
    return report;
  }

  private TenantConfigReport apply(TenantConfiguration configuration) {
    Map<TenantId, Tenant> existing = new HashMap<>();
    for (Tenant tenant : tenants.findAll()) {
      existing.put(tenant.id(), tenant);
    }
    List<String> created = new ArrayList<>();
    Map<String, List<String>> updated = new TreeMap<>();
    int unchanged = 0;
    for (TenantProfile profile : configuration.tenants().values()) {
      Tenant tenant = existing.remove(profile.id());
      if (tenant == null) {
        tenants.store(Tenant.declare(profile));
        created.add(profile.id().value());
      } else {
        List<String> changed = tenant.reconfigure(profile);
        if (changed.isEmpty()) {
          unchanged++;
        } else {
          updated.put(profile.id().value(), changed);
        }
      }
    }
    List<String> notInConfiguration =
        existing.keySet().stream().map(TenantId::value).sorted().toList();

    Optional<RolloutPlan> current = plans.find();
    boolean rolloutChanged =
        current.isEmpty()
            || !current.get().waves().equals(configuration.waves())
            || current.get().readinessThreshold() != configuration.readinessThreshold();
    if (rolloutChanged || !current.get().configDigest().equals(configuration.digest())) {
      plans.store(
          new RolloutPlan(
              configuration.waves(),
              configuration.readinessThreshold(),
              configuration.digest(),
              clock.instant()));
    }
    return new TenantConfigReport(
        configuration.digest(),
        configuration.tenants().size(),
        created,
        updated,
        unchanged,
        notInConfiguration,
        rolloutChanged);
  }
}
