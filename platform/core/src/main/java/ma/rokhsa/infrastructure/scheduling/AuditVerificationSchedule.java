package ma.rokhsa.infrastructure.scheduling;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import ma.rokhsa.application.SecurityAudit;
import ma.rokhsa.domain.model.audit.AuditEvent;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.infrastructure.audit.IncrementalChainVerification;
import ma.rokhsa.infrastructure.audit.IncrementalChainVerification.Outcome;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Verifies the audit chains in the background, once per {@code rokhsa.audit.verification-interval}
 * (default one hour; zero stops it) across all nodes, as the legal clock runs (ADR 0030): every
 * node looks four times per period and runs the pass only if its claim of the period is the one
 * stored ({@link ScheduledPasses}). Each pass resumes every chain from its checkpoint and walks it
 * whole every {@code rokhsa.audit.full-verification-interval} (default seven days), ADR 0033.
 *
 * <p>A broken chain is loud: logged at SEVERE at every pass while it stays broken, recorded once in
 * the national audit chain ({@code audit.chain-broken}) when it is first found, and counted by the
 * gauge {@code rokhsa_audit_chains_broken}. Readiness stays UP: a broken chain is evidence of
 * tampering to investigate, not a dependency the node cannot serve without.
 */
@ApplicationScoped
public class AuditVerificationSchedule {

  private static final Logger LOG = Logger.getLogger(AuditVerificationSchedule.class.getName());

  /** The job's name in {@code scheduled_pass}. */
  static final String JOB = "audit-verification";

  private static final int LOOKS_PER_PERIOD = 4;

  /** How long the gauge of broken chains reuses its count (it reads the database). */
  private static final Duration GAUGE_CACHE = Duration.ofSeconds(10);

  @Resource private ManagedScheduledExecutorService executor;

  @Inject IncrementalChainVerification verification;

  @Inject ScheduledPasses passes;

  @Inject SecurityAudit audit;

  @Inject MetricRegistry metrics;

  @Inject Config config;

  @Inject ma.rokhsa.infrastructure.config.RokhsaSettings settings;

  @Resource(lookup = ma.rokhsa.infrastructure.persistence.RokhsaDataSourceDefinition.JNDI_NAME)
  private javax.sql.DataSource dataSource;

  private volatile ma.rokhsa.infrastructure.audit.SealedCheckpoints sealed;

  private Duration interval;
  private Duration fullEvery;
  private ScheduledFuture<?> task;
  private final AtomicLong lastPassEnd = new AtomicLong();
  private volatile long brokenCount;
  private volatile Instant brokenCountAt = Instant.EPOCH;

  /** Starts the passes; {@code PlatformBootstrap} calls it once the node is ready. */
  public synchronized void start() {
    if (task != null) {
      return;
    }
    interval =
        Duration.parse(
            config
                .getOptionalValue("rokhsa.audit.verification-interval", String.class)
                .orElse("PT1H"));
    fullEvery =
        Duration.parse(
            config
                .getOptionalValue("rokhsa.audit.full-verification-interval", String.class)
                .orElse("P7D"));
    metrics.gauge(
        Metadata.builder()
            .withName("rokhsa.audit.chains.broken")
            .withDescription(
                "Audit chains the background verification last found broken (ADR 0033)")
            .build(),
        this,
        AuditVerificationSchedule::brokenChains);
    metrics.gauge(
        Metadata.builder()
            .withName("rokhsa.audit.verification.last-pass")
            .withDescription(
                "When this node last ended a background verification of the audit chains"
                    + " (seconds since the epoch; 0: never)")
            .build(),
        lastPassEnd,
        AtomicLong::get);
    if (interval.isZero() || interval.isNegative()) {
      LOG.info(
          "audit chains not verified in the background (rokhsa.audit.verification-interval=0)");
      return;
    }
    long look = Math.max(1, interval.toMillis() / LOOKS_PER_PERIOD);
    task = executor.scheduleWithFixedDelay(this::look, look, look, TimeUnit.MILLISECONDS);
    LOG.info(
        "audit chains: verified once per "
            + interval
            + " across the nodes, walked whole every "
            + fullEvery
            + "; "
            + NodeName.get()
            + " looks");
  }

  private long brokenChains() {
    Instant now = Instant.now();
    if (brokenCountAt.plus(GAUGE_CACHE).isBefore(now)) {
      try {
        brokenCount = verification.broken();
        brokenCountAt = now;
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "cannot count the broken audit chains now", e);
      }
    }
    return brokenCount;
  }

  private void look() {
    passes.runIfClaimed(
        JOB,
        "audit verification",
        interval,
        () -> {
          try {
            List<Outcome> outcomes = verification.pass(Instant.now(), fullEvery);
            long broken = 0;
            for (Outcome o : outcomes) {
              if (o.result().intact()) {
                continue;
              }
              broken++;
              LOG.severe(
                  "AUDIT CHAIN BROKEN: " + o.result() + " — investigate (docs/operations.md)");
              if (o.newlyBroken()) {
                recordBreak(o);
              }
            }
            brokenCount = broken;
            brokenCountAt = Instant.now();
            String checkpoint =
                checkpoints()
                    .take(Instant.now(), outcomes, NodeName.get())
                    .map(c -> ", checkpoint sealed")
                    .orElse("");
            return outcomes.size()
                + " chains, "
                + outcomes.stream().filter(Outcome::full).count()
                + " walked whole, "
                + broken
                + " broken"
                + checkpoint;
          } finally {
            lastPassEnd.set(Instant.now().getEpochSecond());
          }
        });
  }

  /**
   * The checkpoints this platform seals after each pass (ADR 0039), exported to {@code
   * rokhsa.audit.checkpoint-dir} when it is set.
   */
  public ma.rokhsa.infrastructure.audit.SealedCheckpoints checkpoints() {
    if (sealed == null) {
      synchronized (this) {
        if (sealed == null) {
          sealed =
              new ma.rokhsa.infrastructure.audit.SealedCheckpoints(
                  dataSource,
                  seal(),
                  config
                      .getOptionalValue("rokhsa.audit.checkpoint-dir", String.class)
                      .filter(dir -> !dir.isBlank())
                      .map(dir -> settings.dataDir().resolve(dir)));
        }
      }
    }
    return sealed;
  }

  /** The platform's audit seal, made on first use. */
  public ma.rokhsa.infrastructure.security.AuditSeal seal() {
    return ma.rokhsa.infrastructure.security.AuditSeal.open(dataSource, settings.tokenKeySecret());
  }

  private void recordBreak(Outcome o) {
    try {
      audit.recordNow(
          TenantId.NATIONAL,
          new AuditEvent(
              AuditEvent.SYSTEM,
              "audit.chain-broken",
              "audit-chain",
              o.result().tenant(),
              o.result().broken().map(b -> b.fault() + " at " + b.sequence()).orElse(""),
              ""));
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE, "cannot record the break of " + o.result().tenant() + " in the audit", e);
    }
  }

  /** Stops the passes; a pass under way finishes. */
  @PreDestroy
  public synchronized void stop() {
    if (task != null) {
      task.cancel(false);
      task = null;
    }
  }
}
