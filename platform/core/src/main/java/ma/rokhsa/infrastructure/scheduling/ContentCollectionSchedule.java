package ma.rokhsa.infrastructure.scheduling;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import ma.rokhsa.infrastructure.config.RokhsaSettings;
import ma.rokhsa.infrastructure.persistence.RokhsaDataSourceDefinition;
import ma.rokhsa.infrastructure.storage.ContentReferences;
import ma.rokhsa.infrastructure.storage.ContentStores;
import ma.rokhsa.infrastructure.storage.FileSystemContentStore;
import org.eclipse.microprofile.config.Config;

/**
 * Deletes the stored contents no row refers to, once the grace period {@code
 * rokhsa.storage.orphan-grace} (default seven days) has passed since they were last put: files
 * whose upload failed after they were stored, contents of dossiers deleted. Runs once per {@code
 * rokhsa.storage.orphan-collection-interval} (default one day; zero stops it) across all nodes, as
 * the legal clock runs (ADR 0030): each node looks four times per period and runs the pass only if
 * its claim of the period is the one stored ({@link ScheduledPasses}).
 */
@ApplicationScoped
public class ContentCollectionSchedule {

  private static final Logger LOG = Logger.getLogger(ContentCollectionSchedule.class.getName());

  /** The job's name in {@code scheduled_pass}. */
  static final String JOB = "content-collection";

  private static final int LOOKS_PER_PERIOD = 4;

  @Resource private ManagedScheduledExecutorService executor;

  @Resource(lookup = RokhsaDataSourceDefinition.JNDI_NAME)
  private DataSource dataSource;

  @Inject ScheduledPasses passes;

  @Inject RokhsaSettings settings;

  @Inject Config config;

  private Duration interval;
  private Duration grace;
  private ScheduledFuture<?> task;

  /** Starts the passes; {@code PlatformBootstrap} calls it once the node is ready. */
  public synchronized void start() {
    if (task != null) {
      return;
    }
    interval = duration("rokhsa.storage.orphan-collection-interval", "P1D");
    grace = duration("rokhsa.storage.orphan-grace", "P7D");
    if (interval.isZero() || interval.isNegative()) {
      LOG.info("unreferenced contents not collected (rokhsa.storage.orphan-collection-interval=0)");
      return;
    }
    if (grace.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new IllegalStateException(
          "rokhsa.storage.orphan-grace="
              + grace
              + ": it must outlast any upload's transaction (at least a minute; days in"
              + " production)");
    }
    long look = Math.max(1, interval.toMillis() / LOOKS_PER_PERIOD);
    task = executor.scheduleWithFixedDelay(this::look, look, look, TimeUnit.MILLISECONDS);
    LOG.info(
        "unreferenced contents: collected once per "
            + interval
            + " across the nodes, "
            + grace
            + " after they were last stored; "
            + NodeName.get()
            + " looks");
  }

  private Duration duration(String key, String fallback) {
    return Duration.parse(config.getOptionalValue(key, String.class).orElse(fallback));
  }

  private void look() {
    passes.runIfClaimed(
        JOB,
        "content collection",
        interval,
        () -> {
          FileSystemContentStore store = new FileSystemContentStore(ContentStores.root(settings));
          ContentReferences references = new ContentReferences(dataSource);
          try {
            int deleted =
                store.collectUnreferenced(Instant.now().minus(grace), references::referenced);
            if (deleted > 0) {
              LOG.info(
                  "content store: deleted "
                      + deleted
                      + " contents no row referred to for "
                      + grace);
            }
            return deleted + " unreferenced contents deleted";
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
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
