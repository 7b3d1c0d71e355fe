package ma.rokhsa.infrastructure.scheduling;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import ma.rokhsa.application.LegalClock;
import org.eclipse.microprofile.config.Config;

/**
 * Runs the legal clock every {@code rokhsa.dossiers.clock-interval} (default one minute; zero stops
 * it), from when {@code PlatformBootstrap} starts it. Several nodes may run it at once: each change
 * is one optimistic transaction, so a dossier is moved once.
 */
@ApplicationScoped
public class LegalClockSchedule {

  private static final Logger LOG = Logger.getLogger(LegalClockSchedule.class.getName());

  @Resource private ManagedScheduledExecutorService executor;

  @Inject LegalClock clock;

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
    long millis = interval.toMillis();
    task = executor.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
  }

  private void tick() {
    try {
      LegalClock.Tick tick = clock.tick();
      if (tick.recounted() + tick.moved() + tick.leftOverdue() + tick.reminders() + tick.failed()
          > 0) {
        LOG.info("legal clock: " + tick);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "legal clock pass failed; next pass in " + interval, e);
    }
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
