package ma.rokhsa.infrastructure.plugins;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Picks up on this node the plugin changes made through another node's admin API (ADR 0008): every
 * {@code rokhsa.plugins.poll-interval} it compares the database's plugin state with the one this
 * node last applied, and applies each difference the way the admin API does ({@link
 * PluginInstaller#applyArchive}, {@link PluginInstaller#applySetting}): zips installed, upgraded or
 * removed (each checked again against the trust anchors), plugins enabled or disabled, and the
 * earlier versions another node kept for its dossiers in flight.
 *
 * <p>Holds the scheduled pass: {@link PluginHost} {@link #schedule schedules} it at start with a
 * pass that takes the host's lock, and {@link #close cancels} it when the application stops (before
 * the plugins are closed). The executor is the container's; this class never shuts it down.
 *
 * <pre>{@code
 * PluginNodeSync sync = new PluginNodeSync(store, installer);
 * sync.schedule(scheduler, settings.pluginPollInterval(), host::pickUpChanges);
 * // on stop: sync.close();
 * }</pre>
 */
final class PluginNodeSync implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(PluginNodeSync.class.getName());

  private final PluginStore store;
  private final PluginInstaller installer;
  private ScheduledFuture<?> poll;

  PluginNodeSync(PluginStore store, PluginInstaller installer) {
    this.store = store;
    this.installer = installer;
  }

  /**
   * Runs {@code pass} every {@code interval}; {@code 0} (or no executor) leaves other nodes'
   * changes for the next start. A pass that throws is logged and tried again at the next interval.
   */
  void schedule(ScheduledExecutorService scheduler, Duration interval, Runnable pass) {
    if (interval.isZero() || scheduler == null) {
      LOG.info("Plugin changes made through other nodes apply here at the next start.");
      return;
    }
    poll =
        scheduler.scheduleWithFixedDelay(
            () -> {
              try {
                pass.run();
              } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Plugin changes could not be picked up; will retry", e);
              }
            },
            interval.toMillis(),
            interval.toMillis(),
            TimeUnit.MILLISECONDS);
  }

  /**
   * Applies the plugin changes kept in the database since this node last applied them. Each plugin
   * is applied on its own: one that fails does not hold the others back. Call it under the host's
   * lock.
   */
  void pickUpChanges() {
    PluginStore.State now = store.state();
    PluginStore.State applied = installer.applied();
    if (now.equals(applied)) {
      return;
    }
    Set<String> changed = new TreeSet<>();
    Set<String> ids = new TreeSet<>(now.archives().keySet());
    ids.addAll(applied.archives().keySet());
    for (String id : ids) {
      if (!Objects.equals(now.archives().get(id), applied.archives().get(id))) {
        changed.add(id);
        apply(id, installer::applyArchive);
      }
    }
    Set<String> toggled = new TreeSet<>(now.disabled());
    toggled.addAll(applied.disabled());
    toggled.removeIf(id -> now.disabled().contains(id) && applied.disabled().contains(id));
    for (String id : toggled) {
      changed.add(id);
      apply(id, installer::applySetting);
    }
    installer.applied(now);
    // Earlier versions another node kept for its dossiers in flight: load them here too.
    installer.loadRetainedVersions();
    LOG.info(() -> "Picked up plugin changes made through another node: " + changed);
  }

  private static void apply(String id, Consumer<String> change) {
    try {
      change.accept(id);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Plugin " + id + ": another node's change could not be applied", e);
    }
  }

  /** Cancels the scheduled pass; a pass under way finishes. */
  @Override
  public void close() {
    if (poll != null) {
      poll.cancel(false);
      poll = null;
    }
  }
}
