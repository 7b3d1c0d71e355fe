package ma.rokhsa.infrastructure.scheduling;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import ma.rokhsa.application.LegalClock;
import org.eclipse.microprofile.config.Config;

/**
 * Runs the legal clock once per {@code rokhsa.dossiers.clock-interval} (default one minute; zero
 * stops it) across all nodes, from when {@code PlatformBootstrap} starts it. Every node looks four
 * times per period and runs the pass only if its claim of the current period is the one stored
 * ({@link ScheduledPasses}); each change of a pass is besides one optimistic transaction, so a
 * dossier is moved once even by a pass interrupted and completed by the next.
 */
@ApplicationScoped
public class LegalClockSchedule {

  private static final Logger LOG = Logger.getLogger(LegalClockSchedule.class.getName());

  @Resource private ManagedScheduledExecutorService executor;

  /** The job's name in {@code scheduled_pass}. */
  static final String JOB = "legal-clock";

  /** How many times per period each node looks whether the period's pass is still to run. */
  private static final int LOOKS_PER_PERIOD = 4;

  @Inject LegalClock clock;

  @Inject ScheduledPasses passes;

  @Inject Config config;

  private Duration interval;

  private ScheduledFuture<?> task;

  /**
   * Starts the passes; {@code PlatformBootstrap} calls it once the node is ready (the clock must
   * never run against a schema, a tenant configuration or plugins not yet in place).
   */
  public synchronized void start() {
    if (task != null) {
      return;
    }
    interval =
        Duration.parse(
            config.getOptionalValue("rokhsa.dossiers.clock-interval", String.class).orElse("PT1M"));
    if (interval.isZero() || interval.isNegative()) {
      LOG.info("legal clock not scheduled (rokhsa.dossiers.clock-interval=" + interval + ")");
      return;
    }
    long look = Math.max(1, interval.toMillis() / LOOKS_PER_PERIOD);
    task = executor.scheduleWithFixedDelay(this::look, look, look, TimeUnit.MILLISECONDS);
    LOG.info(
        "legal clock: one pass per "
            + interval
            + " across the nodes; "
            + NodeName.get()
            + " looks");
  }

  private void look() {
    passes.runIfClaimed(
        JOB,
        "legal clock",
        interval,
        () -> {
          LegalClock.Tick tick = clock.tick();
          if (tick.recounted()
                  + tick.moved()
                  + tick.leftOverdue()
                  + tick.reminders()
                  + tick.failed()
              > 0) {
            LOG.info("legal clock: " + tick);
          }
          return tick.toString();
        });
  }

  /** Stops the passes; a pass under way finishes (each dossier is its own transaction). */
  @PreDestroy
  public synchronized void stop() {
    if (task != null) {
      task.cancel(false);
      task = null;
    }
  }
}
