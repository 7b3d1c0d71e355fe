package ma.rokhsa.infrastructure.plugins;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import ma.rokhsa.application.PluginManagement;
import ma.rokhsa.application.ProcedureCatalog;
import ma.rokhsa.domain.model.dossier.DossierCensus;
import ma.rokhsa.infrastructure.config.RokhsaSettings;
import ma.rokhsa.plugin.api.PluginContext;
import ma.rokhsa.plugin.api.notification.NotificationChannel;
import ma.rokhsa.plugin.api.signature.SignatureProvider;

/**
 * The plugin host: loads the plugins — PF4J zips shipped in {@code rokhsa.plugins.dir}, and those
 * installed through the admin API (kept in the database) — and offers what they offer. It puts
 * together four parts and serializes every call to them:
 *
 * <ul>
 *   <li>{@link PluginTrust}: only trusted code runs (every zip's signature, at every start, install
 *       and pick-up);
 *   <li>{@link PluginCatalog}: the plugins loaded here, their procedures and extensions, the state
 *       and reason of each;
 *   <li>{@link PluginInstaller}: install, upgrade (with rollback and earlier versions kept for
 *       dossiers in flight), enable, disable, remove — kept in the database;
 *   <li>{@link PluginNodeSync}: other nodes' changes picked up every {@code
 *       rokhsa.plugins.poll-interval}.
 * </ul>
 *
 * <p>Started by the platform's bootstrap with {@link #start()}; when the application stops, the
 * pick-up is cancelled, then every plugin is stopped, one by one, and unloaded. Extensions get the
 * platform's clock and legal time zone, and their plugin's data directory and settings, as a {@link
 * PluginContext}.
 */
@ApplicationScoped
public class PluginHost implements ProcedureCatalog, PluginManagement {

  @Inject RokhsaSettings settings;
  @Inject PluginStore store;
  @Inject DossierCensus census;
  @Inject Clock clock;
  @Inject ma.rokhsa.application.SecurityAudit audit;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  /** Read without the lock by the procedure look-ups (set once, at start). */
  private volatile PluginCatalog catalog;

  private PluginInstaller installer;
  private PluginNodeSync sync;

  /** Loads and starts the plugins; returns a line per plugin for the log. */
  public synchronized List<String> start() {
    PluginTrust trust = new PluginTrust(settings);
    trust.warnIfDevelopmentKeyTrusted();
    // Read first: a change made while the plugins load differs from it, and is picked up next.
    PluginStore.State applied = store.state();
    Path work = settings.dataDir().resolve("plugins");
    Path pluginData = settings.dataDir().resolve("plugin-data");
    catalog =
        new PluginCatalog(
            settings.pluginsDir(),
            work,
            trust,
            pluginId ->
                new PlatformPluginContext(clock, pluginId, pluginData, settings::pluginSetting));
    installer = new PluginInstaller(store, census, trust, catalog, applied);
    installer.writeInstalledArchives();
    catalog.loadAll(store.disabled());
    installer.loadRetainedVersions();
    sync = new PluginNodeSync(store, installer);
    sync.schedule(scheduler, settings.pluginPollInterval(), this::pickUpChanges);
    return plugins().stream()
        .map(
            s ->
                s.id()
                    + " "
                    + s.version()
                    + " "
                    + s.state()
                    + (s.reason() == null ? " " + s.procedures() : " — " + s.reason()))
        .toList();
  }

  /**
   * Applies the plugin changes made through another node since this node last applied them (see
   * {@link PluginNodeSync}); nothing before {@link #start()}.
   */
  public synchronized void pickUpChanges() {
    if (catalog == null || !catalog.isOpen()) {
      return;
    }
    sync.pickUpChanges();
  }

  // --- ProcedureCatalog ----------------------------------------------------------------------

  @Override
  public List<OfferedProcedure> procedures() {
    return catalog == null ? List.of() : catalog.procedures();
  }

  @Override
  public Optional<OfferedProcedure> procedure(String id) {
    return catalog == null ? Optional.empty() : catalog.procedure(id);
  }

  @Override
  public Optional<OfferedProcedure> procedure(String id, String version) {
    return catalog == null ? Optional.empty() : catalog.procedure(id, version);
  }

  @Override
  public synchronized List<PluginStatus> plugins() {
    return catalog == null ? List.of() : catalog.plugins();
  }

  /**
   * The notification channels offered by the started plugins, asked for afresh on each call (so a
   * plugin stopped, upgraded or removed since is never used); empty before {@link #start()}.
   */
  public synchronized List<NotificationChannel> notificationChannels() {
    return catalog == null ? List.of() : catalog.notificationChannels();
  }

  /**
   * The signature providers offered by the started plugins, asked for afresh on each call; empty
   * before {@link #start()}. Each is one instance per loaded plugin version.
   */
  public synchronized List<SignatureProvider> signatureProviders() {
    return catalog == null ? List.of() : catalog.signatureProviders();
  }

  // --- PluginManagement ----------------------------------------------------------------------

  @Override
  public synchronized PluginStatus install(byte[] zip, byte[] signature, String actor) {
    return audited(actor, "plugin.installed", installer.install(zip, signature, actor));
  }

  @Override
  public synchronized PluginStatus upgrade(
      String id, byte[] zip, byte[] signature, boolean acceptSignerChange, String actor) {
    Optional<String> signerChange =
        catalog.plugin(id).isPresent() ? installer.signerChange(id, signature) : Optional.empty();
    PluginStatus status = installer.upgrade(id, zip, signature, acceptSignerChange, actor);
    return audited(
        actor,
        "plugin.upgraded",
        status,
        signerChange.map(change -> " — new signer accepted: " + change).orElse(""));
  }

  @Override
  public synchronized PluginStatus enable(String id, String actor) {
    return audited(actor, "plugin.enabled", installer.enable(id, actor));
  }

  @Override
  public synchronized PluginStatus disable(String id, String actor) {
    return audited(actor, "plugin.disabled", installer.disable(id, actor));
  }

  @Override
  public synchronized void remove(String id, String actor) {
    installer.remove(id, actor);
    audit.recordNow(
        ma.rokhsa.domain.model.tenant.TenantId.NATIONAL,
        new ma.rokhsa.domain.model.audit.AuditEvent(actor, "plugin.removed", "plugin", id, "", ""));
  }

  /** Whether the development signing certificate is among the plugin trust anchors. */
  public boolean trustsDevelopmentKey() {
    return new PluginTrust(settings).trustsDevelopmentKey();
  }

  /**
   * Records a plugin change in the national audit chain once it is made (ADR 0023): the change
   * itself is kept in the database by the installer, in its own transactions.
   */
  private PluginStatus audited(String actor, String action, PluginStatus status) {
    return audited(actor, action, status, "");
  }

  private PluginStatus audited(String actor, String action, PluginStatus status, String more) {
    audit.recordNow(
        ma.rokhsa.domain.model.tenant.TenantId.NATIONAL,
        new ma.rokhsa.domain.model.audit.AuditEvent(
            actor,
            action,
            "plugin",
            status.id(),
            status.version()
                + " "
                + status.state()
                + (status.reason() == null ? "" : " — " + status.reason())
                + more,
            ""));
    return status;
  }

  /** Cancels the pick-up, then stops and unloads every plugin. */
  @PreDestroy
  synchronized void stop() {
    if (sync != null) {
      sync.close();
    }
    if (catalog != null) {
      catalog.close();
    }
  }
}
