package ma.rokhsa.infrastructure.plugins;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import ma.rokhsa.application.InvalidInput;
import ma.rokhsa.application.NotFound;
import ma.rokhsa.application.PluginManagement;
import ma.rokhsa.application.ProcedureCatalog;
import ma.rokhsa.application.UntrustedPlugin;
import ma.rokhsa.domain.RuleViolation;
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
 * <p>Owns the plugin manager: started by the platform's bootstrap with {@link #start()}, stopped
 * (every plugin, one by one, then unloaded) when the application stops. Changes through {@link
 * PluginManagement} are made one at a time.
 */
@ApplicationScoped
public class PluginHost implements ProcedureCatalog, PluginManagement {

  private static final Logger LOG = Logger.getLogger(PluginHost.class.getName());
  static final int MAX_ZIP_BYTES = 50 * 1024 * 1024;

  @Inject RokhsaSettings settings;
  @Inject PluginStore store;

  private DefaultPluginManager manager;
  private ExtractingZipRepository repository;
  private final Map<String, OfferedProcedure> procedures = new ConcurrentHashMap<>();
  private final Map<String, String> reasons = new ConcurrentHashMap<>();

  /** Loads and starts the plugins; returns a line per plugin for the log. */
  public synchronized List<String> start() {
    Path work = settings.dataDir().resolve("plugins");
    Path installed = work.resolve("installed");
    repository = new ExtractingZipRepository(settings.pluginsDir(), installed, work);
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

  /** The zips installed through the API, from the database to this node's disk. */
  private void writeInstalledArchives(Path installed) {
    try {
      Files.createDirectories(installed);
      for (PluginStore.Archive archive : store.archives()) {
        Path file = installed.resolve(archive.pluginId + ".zip");
        if (!Files.isRegularFile(file)
            || !ExtractingZipRepository.sha256(file).equals(archive.sha256)) {
          Files.write(file, archive.content);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the installed plugins under " + installed, e);
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
  public synchronized List<PluginStatus> plugins() {
    if (manager == null) {
      return List.of();
    }
    List<PluginStatus> statuses = new ArrayList<>();
    for (PluginWrapper plugin : manager.getPlugins()) {
      statuses.add(status(plugin));
    }
    statuses.sort(Comparator.comparing(PluginStatus::id));
    return Collections.unmodifiableList(statuses);
  }

  private PluginStatus status(PluginWrapper plugin) {
    PluginDescriptor d = plugin.getDescriptor();
    String reason = reasons.get(plugin.getPluginId());
    String state;
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
    store.storeArchive(id, descriptor.getProperty("plugin.version"), sha256(zip), zip, actor);
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
    unload(id);
    try {
      load(id, zip);
      PluginStatus status = activate(id);
      if (!"STARTED".equals(status.state())) {
        throw new IllegalStateException(status.reason());
      }
      store.storeArchive(id, newVersion, sha256(zip), zip, actor);
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
    return activate(id);
  }

  @Override
  public synchronized PluginStatus disable(String id, String actor) {
    existing(id);
    store.setEnabled(id, false, actor);
    stopQuietly(id);
    reasons.put(id, "disabled by " + actor);
    return status(id);
  }

  @Override
  public synchronized void remove(String id, String actor) {
    existing(id);
    if (store.archive(id).isEmpty()) {
      throw new RuleViolation(
          "plugin " + id + " is shipped with the platform: disable it instead", List.of("disable"));
    }
    unload(id);
    store.removeArchive(id);
    reasons.remove(id);
    LOG.info(() -> actor + " removed plugin " + id);
    // A shipped version of the same plugin, if any, comes back into service.
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
    if ((signature == null || signature.length == 0) && !settings.pluginSignaturesRequired()) {
      LOG.warning(
          () ->
              "UNSIGNED PLUGIN ACCEPTED: rokhsa.plugins.signatures=optional is for"
                  + " development only; in production every plugin must be signed.");
      return;
    }
    try {
      String signer =
          PluginSignatures.trusting(settings.pluginTrustAnchors())
              .verify(zip, signature, Instant.now());
      LOG.info(() -> "Plugin zip signed by " + signer);
    } catch (SecurityException e) {
      throw new UntrustedPlugin("the plugin zip is refused: " + e.getMessage());
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
      PluginStore.Setting setting = disabled.get(id);
      reasons.put(
          id, "disabled by " + setting.changedBy + " on " + setting.changedAt.toLocalDate());
    } else {
      startAndDescribe(id);
    }
    return status(id);
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
