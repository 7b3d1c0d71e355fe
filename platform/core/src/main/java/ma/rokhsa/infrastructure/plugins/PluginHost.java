package ma.rokhsa.infrastructure.plugins;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import ma.rokhsa.application.InvalidInput;
import ma.rokhsa.application.NotFound;
import ma.rokhsa.application.PluginManagement;
import ma.rokhsa.application.ProcedureCatalog;
import ma.rokhsa.application.UntrustedPlugin;
import ma.rokhsa.domain.RuleViolation;
import ma.rokhsa.domain.model.dossier.DossierCensus;
import ma.rokhsa.infrastructure.Throwables;
import ma.rokhsa.infrastructure.config.RokhsaSettings;
import ma.rokhsa.plugin.api.PluginApi;
import ma.rokhsa.plugin.api.notification.NotificationChannel;
import ma.rokhsa.plugin.api.procedure.DefinitionException;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;
import ma.rokhsa.plugin.api.procedure.ProcedureProvider;
import ma.rokhsa.plugin.definitions.YamlDefinitionLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginRepository;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Loads the plugins — PF4J zips shipped in {@code rokhsa.plugins.dir}, and those installed through
 * the admin API (kept in the database) — and keeps what they offer. A plugin is started only if its
 * {@code Plugin-Requires} accepts this platform's plugin API version and no admin disabled it; one
 * that throws when loaded, started or asked for its definitions is marked failed with the reason,
 * and the others go on.
 *
 * <p>Only trusted code runs: every zip — shipped ({@code <id>.zip.p7s} beside it) or installed (its
 * signature kept with it in the database) — is checked against the trust anchors at every start,
 * and an installed zip again whenever this node picks up another node's change. One whose signature
 * does not verify is not loaded and shows as FAILED with the reason.
 *
 * <p>Owns the plugin manager: started by the platform's bootstrap with {@link #start()}, stopped
 * (every plugin, one by one, then unloaded) when the application stops. Changes through {@link
 * PluginManagement} are made one at a time, and kept in the database; every {@code
 * rokhsa.plugins.poll-interval} each node compares the database with what it applied and applies
 * the difference the way the admin API does ({@link #pickUpChanges()}).
 */
@ApplicationScoped
public class PluginHost implements ProcedureCatalog, PluginManagement {

  private static final Logger LOG = Logger.getLogger(PluginHost.class.getName());
  static final int MAX_ZIP_BYTES = 50 * 1024 * 1024;

  @Inject RokhsaSettings settings;
  @Inject PluginStore store;
  @Inject DossierCensus census;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private DefaultPluginManager manager;
  private ExtractingZipRepository repository;
  private RetainedVersions retained;
  private final Map<String, OfferedProcedure> procedures = new ConcurrentHashMap<>();
  private final Map<String, String> reasons = new ConcurrentHashMap<>();

  /** The plugins not loaded because their zip's signature does not verify, with the reason. */
  private final Map<String, PluginStatus> refused = new ConcurrentHashMap<>();

  /** The database's plugin state as this node last applied it. */
  private PluginStore.State applied;

  private ScheduledFuture<?> poll;

  /** Loads and starts the plugins; returns a line per plugin for the log. */
  public synchronized List<String> start() {
    PluginSignatures trust = trust();
    if (trust.trustsDevelopmentKey()) {
      LOG.warning(
          "\n  ************************************************************************\n"
              + "  * DEVELOPMENT SIGNING KEY TRUSTED — never in production.\n"
              + "  * rokhsa.plugins.trust-anchors ("
              + settings.pluginTrustAnchors().orElseThrow()
              + ")\n"
              + "  * holds the certificate of plugins/src/dev-signing/, whose private key\n"
              + "  * is public: anything signed with it runs inside this platform.\n"
              + "  ************************************************************************");
    }
    // Read first: a change made while the plugins load differs from it, and is picked up next.
    applied = store.state();
    Path work = settings.dataDir().resolve("plugins");
    Path installed = work.resolve("installed");
    repository =
        new ExtractingZipRepository(settings.pluginsDir(), installed, work, this::acceptShipped);
    writeInstalledArchives(installed);
    ExtractingZipRepository zips = repository;
    manager =
        new DefaultPluginManager(List.of(settings.pluginsDir())) {
          @Override
          protected PluginRepository createPluginRepository() {
            return zips;
          }
        };
    manager.setSystemVersion(PluginApi.releaseVersion());
    try {
      manager.loadPlugins();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Plugins could not all be loaded", e);
    }
    Map<String, PluginStore.Setting> disabled = store.disabled();
    for (PluginWrapper plugin : manager.getPlugins()) {
      activate(plugin.getPluginId(), disabled);
    }
    retained = new RetainedVersions(work.resolve("retained"), work);
    loadRetainedVersions();
    schedulePickUp();
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
   * The zips installed through the API whose signature verifies, from the database to this node's
   * disk; the others are refused, and no shipped zip of the same plugin stands in for them.
   */
  private void writeInstalledArchives(Path installed) {
    try {
      Files.createDirectories(installed);
      Set<String> accepted = new HashSet<>();
      for (PluginStore.Archive archive : store.archives()) {
        Optional<String> refusal = refusal(archive.content, archive.signature);
        if (refusal.isPresent()) {
          refuse(archive.pluginId, archive.version, "installed zip refused: " + refusal.get());
          continue;
        }
        Path file = installed.resolve(archive.pluginId + ".zip");
        if (!Files.isRegularFile(file)
            || !ExtractingZipRepository.sha256(file).equals(sha256(archive.content))) {
          Files.write(file, archive.content);
        }
        accepted.add(archive.pluginId);
      }
      repository.forgetInstalledExcept(accepted);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the installed plugins under " + installed, e);
    }
  }

  /** Whether a shipped zip may be loaded: its {@code <zip>.p7s} verifies (or may be missing). */
  private boolean acceptShipped(Path zip, Properties descriptor) {
    String id = descriptor.getProperty("plugin.id");
    if (refused.containsKey(id)) {
      return false; // its installed version is refused: no silent fallback to another version
    }
    Path signatureFile = zip.resolveSibling(zip.getFileName() + ".p7s");
    Optional<String> refusal;
    try {
      refusal =
          refusal(
              Files.readAllBytes(zip),
              Files.isRegularFile(signatureFile) ? Files.readAllBytes(signatureFile) : null);
    } catch (IOException e) {
      refusal = Optional.of("cannot be read: " + e.getMessage());
    }
    refusal.ifPresent(
        reason ->
            refuse(
                id,
                descriptor.getProperty("plugin.version"),
                "shipped zip " + zip.getFileName() + " refused: " + reason));
    return refusal.isEmpty();
  }

  private void refuse(String id, String version, String reason) {
    LOG.severe(() -> "Plugin " + id + " is not loaded: " + reason);
    refused.put(id, new PluginStatus(id, version, null, null, "FAILED", reason, List.of()));
  }

  /** The trust anchors as the file says now. */
  private PluginSignatures trust() {
    return PluginSignatures.trusting(settings.pluginTrustAnchors());
  }

  /**
   * Why a zip must not run here, if it must not: a signature missing (unless the platform accepts
   * unsigned plugins), tampered, expired or untrusted.
   */
  private Optional<String> refusal(byte[] zip, byte[] signature) {
    if ((signature == null || signature.length == 0) && !settings.pluginSignaturesRequired()) {
      LOG.warning(
          () ->
              "UNSIGNED PLUGIN ACCEPTED: rokhsa.plugins.signatures=optional is for"
                  + " development only; in production every plugin must be signed.");
      return Optional.empty();
    }
    try {
      String signer = trust().verify(zip, signature, Instant.now());
      LOG.fine(() -> "Plugin zip signed by " + signer);
      return Optional.empty();
    } catch (SecurityException e) {
      return Optional.of(e.getMessage());
    }
  }

  private void startAndDescribe(String id) {
    reasons.remove(id);
    try {
      manager.startPlugin(id);
    } catch (RuntimeException e) {
      reasons.put(id, "failed to start: " + Throwables.rootMessage(e));
      return;
    }
    PluginWrapper plugin = manager.getPlugin(id);
    if (plugin.getPluginState() != PluginState.STARTED) {
      reasons.put(
          id,
          "failed to start: "
              + Optional.ofNullable(plugin.getFailedException())
                  .map(Throwables::rootMessage)
                  .orElse("unknown reason"));
      return;
    }
    try {
      Map<String, OfferedProcedure> offered = new LinkedHashMap<>();
      for (ProcedureProvider provider : manager.getExtensions(ProcedureProvider.class, id)) {
        ProcedureDefinition definition =
            provider.definition(new YamlDefinitionLoader(plugin.getPluginClassLoader()));
        OfferedProcedure existing = procedures.get(definition.id());
        if (existing != null && !existing.pluginId().equals(id)) {
          throw new IllegalStateException(
              "procedure "
                  + definition.id()
                  + " is already offered by plugin "
                  + existing.pluginId());
        }
        offered.put(
            definition.id(),
            new OfferedProcedure(id, plugin.getDescriptor().getVersion(), definition, provider));
      }
      procedures.putAll(offered);
    } catch (DefinitionException e) {
      fail(id, "its procedure definition is not valid: " + String.join("; ", e.problems()), e);
    } catch (RuntimeException | LinkageError e) {
      fail(id, "failed to describe its procedures: " + Throwables.rootMessage(e), e);
    }
  }

  private void fail(String id, String reason, Throwable cause) {
    LOG.log(Level.WARNING, "Plugin " + id + " " + reason, cause);
    reasons.put(id, reason);
    stopQuietly(id);
  }

  private void stopQuietly(String id) {
    procedures.values().removeIf(p -> p.pluginId().equals(id));
    try {
      if (manager.getPlugin(id) != null
          && manager.getPlugin(id).getPluginState() == PluginState.STARTED) {
        manager.stopPlugin(id);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Plugin " + id + " did not stop cleanly", e);
    }
  }

  private boolean compatible(PluginWrapper plugin) {
    String requires = plugin.getDescriptor().getRequires();
    return requires == null
        || requires.isBlank()
        || "*".equals(requires)
        || manager.getVersionManager().checkVersionConstraint(PluginApi.releaseVersion(), requires);
  }

  private static String incompatibility(PluginDescriptor descriptor) {
    return "requires plugin API "
        + descriptor.getRequires()
        + "; this platform offers "
        + PluginApi.releaseVersion();
  }

  // --- ProcedureCatalog ----------------------------------------------------------------------

  @Override
  public List<OfferedProcedure> procedures() {
    return procedures.values().stream()
        .sorted(Comparator.comparing(p -> p.definition().id()))
        .toList();
  }

  @Override
  public Optional<OfferedProcedure> procedure(String id) {
    return Optional.ofNullable(procedures.get(id));
  }

  @Override
  public Optional<OfferedProcedure> procedure(String id, String version) {
    Optional<OfferedProcedure> current =
        procedure(id).filter(p -> p.definition().version().equals(version));
    return current.isPresent() || retained == null ? current : retained.procedure(id, version);
  }

  // --- earlier versions kept for dossiers in flight ------------------------------------------

  /** Loads the kept earlier versions still needed by dossiers in flight; drops the others. */
  private void loadRetainedVersions() {
    Map<DossierCensus.ProcedureVersion, Long> open = census.openByProcedureVersion();
    for (PluginStore.Retained r : store.retained()) {
      String alias = RetainedVersions.alias(r.pluginId, r.version);
      Optional<String> refusal = refusal(r.content, r.signature);
      if (refusal.isPresent()) {
        LOG.severe(() -> "Kept version " + alias + " refused: " + refusal.get());
        continue;
      }
      try {
        retained.load(manager, r.pluginId, r.version, r.content);
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "Kept version " + alias + " cannot be loaded", e);
        continue;
      }
      boolean needed =
          retained.procedureIds(alias).stream()
              .anyMatch(key -> open.getOrDefault(versionOf(key), 0L) > 0);
      if (!needed) {
        retained.unload(manager, alias);
        store.dropRetained(r.pluginId, r.version);
        LOG.info(() -> "Dropped kept version " + alias + ": no dossier in flight needs it");
      }
    }
  }

  private static DossierCensus.ProcedureVersion versionOf(String idAtVersion) {
    int at = idAtVersion.lastIndexOf('@');
    return new DossierCensus.ProcedureVersion(
        idAtVersion.substring(0, at), idAtVersion.substring(at + 1));
  }

  /** The procedure versions of a plugin's current version that dossiers in flight follow. */
  private Map<DossierCensus.ProcedureVersion, Long> inFlight(String pluginId) {
    Map<DossierCensus.ProcedureVersion, Long> open = census.openByProcedureVersion();
    Map<DossierCensus.ProcedureVersion, Long> used = new LinkedHashMap<>();
    for (OfferedProcedure p : procedures.values()) {
      if (p.pluginId().equals(pluginId)) {
        var key = new DossierCensus.ProcedureVersion(p.definition().id(), p.definition().version());
        if (open.getOrDefault(key, 0L) > 0) {
          used.put(key, open.get(key));
        }
      }
    }
    return used;
  }

  /** A plugin zip and its detached signature (none: accepted unsigned, in development). */
  private record SignedZip(byte[] zip, byte[] signature) {}

  /** The zip of a plugin's current version: installed through the API, or shipped. */
  private Optional<SignedZip> currentZip(String id) {
    Optional<PluginStore.Archive> installed = store.archive(id);
    if (installed.isPresent()) {
      return Optional.of(new SignedZip(installed.get().content, installed.get().signature));
    }
    return repository
        .shippedZip(id)
        .map(
            zip -> {
              try {
                Path p7s = zip.resolveSibling(zip.getFileName() + ".p7s");
                return new SignedZip(
                    Files.readAllBytes(zip),
                    Files.isRegularFile(p7s) ? Files.readAllBytes(p7s) : null);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
  }

  /**
   * After an upgrade: keeps the previous version for the dossiers in flight under procedure
   * versions the new one no longer offers.
   *
   * @throws IllegalStateException if it cannot be kept
   */
  private void keepPrevious(
      String id,
      String oldVersion,
      SignedZip oldZip,
      Map<DossierCensus.ProcedureVersion, Long> used) {
    boolean stillOffered =
        used.keySet().stream()
            .allMatch(
                v ->
                    procedure(v.procedureId())
                        .filter(p -> p.definition().version().equals(v.version()))
                        .isPresent());
    if (used.isEmpty() || stillOffered) {
      return;
    }
    retained.load(manager, id, oldVersion, oldZip.zip());
    store.retain(id, oldVersion, sha256(oldZip.zip()), oldZip.zip(), oldZip.signature());
  }

  @Override
  public synchronized List<PluginStatus> plugins() {
    if (manager == null) {
      return List.of();
    }
    List<PluginStatus> statuses = new ArrayList<>();
    for (PluginWrapper plugin : manager.getPlugins()) {
      statuses.add(status(plugin));
    }
    for (PluginStatus status : refused.values()) {
      if (manager.getPlugin(status.id()) == null) {
        statuses.add(status);
      }
    }
    statuses.sort(Comparator.comparing(PluginStatus::id));
    return Collections.unmodifiableList(statuses);
  }

  private PluginStatus status(PluginWrapper plugin) {
    PluginDescriptor d = plugin.getDescriptor();
    String reason = reasons.get(plugin.getPluginId());
    String state;
    if (RetainedVersions.isAlias(plugin.getPluginId())) {
      return new PluginStatus(
          plugin.getPluginId(),
          d.getVersion(),
          d.getRequires(),
          d.getProvider(),
          plugin.getPluginState() == PluginState.STARTED ? "RETAINED" : "FAILED",
          "kept for the dossiers in flight under its procedures",
          retained.procedureIds(plugin.getPluginId()));
    }
    if (plugin.getPluginState() == PluginState.STARTED) {
      state = "STARTED";
    } else if (reason != null && (reason.startsWith("disabled") || reason.startsWith("requires"))) {
      state = "DISABLED";
    } else if (reason != null) {
      state = "FAILED";
    } else {
      state = plugin.getPluginState().toString();
    }
    return new PluginStatus(
        plugin.getPluginId(),
        d.getVersion(),
        d.getRequires(),
        d.getProvider(),
        state,
        reason,
        procedures.values().stream()
            .filter(p -> p.pluginId().equals(plugin.getPluginId()))
            .map(p -> p.definition().id())
            .sorted()
            .toList());
  }

  private PluginStatus status(String id) {
    return status(Optional.ofNullable(manager.getPlugin(id)).orElseThrow());
  }

  // --- Notification channels -----------------------------------------------------------------

  /**
   * The notification channels offered by the started plugins, asked for afresh on each call (so a
   * plugin stopped, upgraded or removed since is never used); empty before {@link #start()}.
   */
  public synchronized List<NotificationChannel> notificationChannels() {
    if (manager == null) {
      return List.of();
    }
    List<NotificationChannel> channels = new ArrayList<>();
    for (PluginWrapper plugin : manager.getStartedPlugins()) {
      channels.addAll(manager.getExtensions(NotificationChannel.class, plugin.getPluginId()));
    }
    return channels;
  }

  // --- PluginManagement ----------------------------------------------------------------------

  @Override
  public synchronized PluginStatus install(byte[] zip, byte[] signature, String actor) {
    checkSignature(zip, signature);
    Properties descriptor = readDescriptor(zip);
    String id = descriptor.getProperty("plugin.id");
    if (manager.getPlugin(id) != null) {
      throw new RuleViolation(
          "plugin " + id + " is already installed: upgrade it instead", List.of("upgrade"));
    }
    load(id, zip);
    refused.remove(id);
    store.storeArchive(
        id, descriptor.getProperty("plugin.version"), sha256(zip), zip, signature, actor);
    applied = applied.withArchive(id, sha256(zip));
    LOG.info(
        () -> actor + " installed plugin " + id + " " + descriptor.getProperty("plugin.version"));
    return activate(id);
  }

  @Override
  public synchronized PluginStatus upgrade(String id, byte[] zip, byte[] signature, String actor) {
    PluginWrapper current = existing(id);
    checkSignature(zip, signature);
    Properties descriptor = readDescriptor(zip);
    String newVersion = descriptor.getProperty("plugin.version");
    if (!id.equals(descriptor.getProperty("plugin.id"))) {
      throw new RuleViolation(
          "this zip is plugin " + descriptor.getProperty("plugin.id") + ", not " + id);
    }
    String oldVersion = current.getDescriptor().getVersion();
    if (manager.getVersionManager().compareVersions(newVersion, oldVersion) <= 0) {
      throw new RuleViolation(
          "version " + newVersion + " is not newer than the installed " + oldVersion);
    }
    Optional<byte[]> previous = store.archive(id).map(a -> a.content);
    Map<DossierCensus.ProcedureVersion, Long> used = inFlight(id);
    Optional<SignedZip> oldZip = used.isEmpty() ? Optional.empty() : currentZip(id);
    if (!used.isEmpty() && oldZip.isEmpty()) {
      throw new RuleViolation(
          "dossiers in flight follow "
              + used
              + " and version "
              + oldVersion
              + " cannot be kept for them: upgrade refused");
    }
    unload(id);
    try {
      load(id, zip);
      PluginStatus status = activate(id);
      if (!"STARTED".equals(status.state())) {
        throw new IllegalStateException(status.reason());
      }
      try {
        oldZip.ifPresent(old -> keepPrevious(id, oldVersion, old, used));
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            "dossiers in flight follow "
                + used
                + " and version "
                + oldVersion
                + " cannot be kept for them ("
                + Throwables.rootMessage(e)
                + ")",
            e);
      }
      store.storeArchive(id, newVersion, sha256(zip), zip, signature, actor);
      applied = applied.withArchive(id, sha256(zip));
      LOG.info(
          () -> actor + " upgraded plugin " + id + " from " + oldVersion + " to " + newVersion);
      return status;
    } catch (RuntimeException failed) {
      String reason =
          failed instanceof RuleViolation ? failed.getMessage() : Throwables.rootMessage(failed);
      if (manager.getPlugin(id) != null) {
        unload(id);
      }
      restore(id, previous);
      throw new RuleViolation(
          "version "
              + newVersion
              + " of "
              + id
              + " could not be started ("
              + reason
              + "); version "
              + oldVersion
              + " is back in service");
    }
  }

  @Override
  public synchronized PluginStatus enable(String id, String actor) {
    existing(id);
    store.setEnabled(id, true, actor);
    applied = applied.withEnabled(id, true);
    return activate(id);
  }

  @Override
  public synchronized PluginStatus disable(String id, String actor) {
    existing(id);
    store.setEnabled(id, false, actor);
    applied = applied.withEnabled(id, false);
    deactivate(id, "disabled by " + actor);
    return status(id);
  }

  /** Stops a plugin an admin disabled, saying who did. */
  private void deactivate(String id, String reason) {
    stopQuietly(id);
    reasons.put(id, reason);
  }

  @Override
  public synchronized void remove(String id, String actor) {
    if (manager.getPlugin(id) == null && !refused.containsKey(id)) {
      throw new NotFound("no plugin " + id);
    }
    Map<DossierCensus.ProcedureVersion, Long> used = inFlight(id);
    if (!used.isEmpty()) {
      throw new RuleViolation(
          "dossiers in flight follow " + used + ": plugin " + id + " cannot be removed",
          List.of("upgrade", "disable"));
    }
    if (store.archive(id).isEmpty()) {
      throw new RuleViolation(
          "plugin " + id + " is shipped with the platform: disable it instead", List.of("disable"));
    }
    store.removeArchive(id);
    applied = applied.withoutArchive(id);
    LOG.info(() -> actor + " removed plugin " + id);
    replaceWithShipped(id);
  }

  /**
   * Unloads whatever this node runs of a plugin, then puts the shipped version of it, if any and
   * trusted, into service.
   */
  private void replaceWithShipped(String id) {
    if (manager.getPlugin(id) != null) {
      unload(id);
    }
    refused.remove(id);
    reasons.remove(id);
    repository
        .unpackedShipped(id)
        .ifPresent(
            path -> {
              loadPath(path);
              activate(id);
            });
  }

  /**
   * Refuses a zip whose signature is missing (unless allowed), tampered or untrusted — before
   * anything of the zip is read.
   */
  private void checkSignature(byte[] zip, byte[] signature) {
    refusal(zip, signature)
        .ifPresent(
            reason -> {
              throw new UntrustedPlugin("the plugin zip is refused: " + reason);
            });
  }

  // --- Changes made through other nodes ------------------------------------------------------

  private void schedulePickUp() {
    Duration interval = settings.pluginPollInterval();
    if (interval.isZero() || scheduler == null) {
      LOG.info("Plugin changes made through other nodes apply here at the next start.");
      return;
    }
    poll =
        scheduler.scheduleWithFixedDelay(
            () -> {
              try {
                pickUpChanges();
              } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Plugin changes could not be picked up; will retry", e);
              }
            },
            interval.toMillis(),
            interval.toMillis(),
            TimeUnit.MILLISECONDS);
  }

  /**
   * Applies the plugin changes kept in the database since this node last applied them — made
   * through another node's admin API: zips installed, upgraded or removed (each checked again
   * against the trust anchors), plugins enabled or disabled. Each plugin is applied on its own: one
   * that fails does not hold the others back.
   */
  public synchronized void pickUpChanges() {
    if (manager == null) {
      return;
    }
    PluginStore.State now = store.state();
    if (now.equals(applied)) {
      return;
    }
    Set<String> changed = new TreeSet<>();
    Set<String> ids = new TreeSet<>(now.archives().keySet());
    ids.addAll(applied.archives().keySet());
    for (String id : ids) {
      if (!Objects.equals(now.archives().get(id), applied.archives().get(id))) {
        changed.add(id);
        apply(id, this::applyArchive);
      }
    }
    Set<String> toggled = new TreeSet<>(now.disabled());
    toggled.addAll(applied.disabled());
    toggled.removeIf(id -> now.disabled().contains(id) && applied.disabled().contains(id));
    for (String id : toggled) {
      changed.add(id);
      apply(id, this::applySetting);
    }
    applied = now;
    // Earlier versions another node kept for its dossiers in flight: load them here too.
    loadRetainedVersions();
    LOG.info(() -> "Picked up plugin changes made through another node: " + changed);
  }

  private static void apply(String id, Consumer<String> change) {
    try {
      change.accept(id);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Plugin " + id + ": another node's change could not be applied", e);
    }
  }

  /** Runs what the database holds for a plugin now: its installed zip, or the shipped one. */
  private void applyArchive(String id) {
    Optional<PluginStore.Archive> archive = store.archive(id);
    if (archive.isEmpty()) {
      replaceWithShipped(id);
      return;
    }
    if (manager.getPlugin(id) != null) {
      unload(id);
    }
    refused.remove(id);
    Optional<String> refusal = refusal(archive.get().content, archive.get().signature);
    if (refusal.isPresent()) {
      refuse(id, archive.get().version, "installed zip refused: " + refusal.get());
      return;
    }
    load(id, archive.get().content);
    activate(id);
  }

  /** Starts or stops a plugin as an admin enabled or disabled it through another node. */
  private void applySetting(String id) {
    if (manager.getPlugin(id) == null) {
      return; // not loaded here (refused, or not installed): nothing runs to start or stop
    }
    PluginStore.Setting setting = store.disabled().get(id);
    if (setting == null) {
      activate(id);
    } else {
      deactivate(id, disabledReason(setting));
    }
  }

  private PluginStatus activate(String id) {
    return activate(id, store.disabled());
  }

  /** Starts the plugin unless it is incompatible or disabled, saying why it is not started. */
  private PluginStatus activate(String id, Map<String, PluginStore.Setting> disabled) {
    PluginWrapper plugin = manager.getPlugin(id);
    if (!compatible(plugin)) {
      reasons.put(id, incompatibility(plugin.getDescriptor()));
    } else if (disabled.containsKey(id)) {
      reasons.put(id, disabledReason(disabled.get(id)));
    } else {
      startAndDescribe(id);
    }
    return status(id);
  }

  private static String disabledReason(PluginStore.Setting setting) {
    return "disabled by " + setting.changedBy + " on " + setting.changedAt.toLocalDate();
  }

  private void load(String id, byte[] zip) {
    Path unpacked = repository.install(id, zip);
    try {
      loadPath(unpacked);
    } catch (RuntimeException e) {
      repository.uninstall(id);
      throw new InvalidInput("the plugin cannot be loaded: " + Throwables.rootMessage(e));
    }
  }

  private void loadPath(Path unpacked) {
    String loaded = manager.loadPlugin(unpacked);
    if (loaded == null) {
      throw new IllegalStateException("PF4J refused " + unpacked.getFileName());
    }
  }

  private void unload(String id) {
    stopQuietly(id);
    manager.unloadPlugin(id);
    repository.uninstall(id);
  }

  private void restore(String id, Optional<byte[]> previous) {
    if (previous.isPresent()) {
      load(id, previous.get());
    } else {
      repository.unpackedShipped(id).ifPresent(this::loadPath);
    }
    activate(id);
  }

  private PluginWrapper existing(String id) {
    PluginWrapper plugin = manager.getPlugin(id);
    if (plugin == null) {
      throw new NotFound("no plugin " + id);
    }
    return plugin;
  }

  private static Properties readDescriptor(byte[] zip) {
    if (zip.length == 0 || zip.length > MAX_ZIP_BYTES) {
      throw new InvalidInput(
          "a plugin zip must hold between 1 byte and " + MAX_ZIP_BYTES + " bytes");
    }
    try {
      Properties descriptor =
          ExtractingZipRepository.descriptor(new ByteArrayInputStream(zip))
              .orElseThrow(
                  () -> new InvalidInput("not a plugin zip: no plugin.properties at its root"));
      for (String key : List.of("plugin.id", "plugin.version")) {
        if (descriptor.getProperty(key, "").isBlank()) {
          throw new InvalidInput("plugin.properties has no " + key);
        }
      }
      return descriptor;
    } catch (IOException e) {
      throw new InvalidInput("not a zip: " + e.getMessage());
    }
  }

  private static String sha256(byte[] zip) {
    try {
      return ExtractingZipRepository.sha256(new ByteArrayInputStream(zip));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stops every plugin, one by one (PF4J 3.15's stopPlugins skips some), then unloads them. */
  @PreDestroy
  synchronized void stop() {
    if (poll != null) {
      poll.cancel(false);
      poll = null;
    }
    if (manager == null) {
      return;
    }
    List<PluginWrapper> started = new ArrayList<>(manager.getStartedPlugins());
    Collections.reverse(started);
    for (PluginWrapper plugin : started) {
      try {
        manager.stopPlugin(plugin.getPluginId());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Plugin " + plugin.getPluginId() + " did not stop cleanly", e);
      }
    }
    manager.unloadPlugins();
    procedures.clear();
    manager = null;
  }
}
