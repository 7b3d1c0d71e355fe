package ma.rokhsa.infrastructure.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import ma.rokhsa.application.InvalidInput;
import ma.rokhsa.application.ProcedureCatalog.OfferedProcedure;
import ma.rokhsa.application.ProcedureCatalog.PluginStatus;
import ma.rokhsa.infrastructure.Throwables;
import ma.rokhsa.plugin.api.PluginApi;
import ma.rokhsa.plugin.api.PluginContext;
import ma.rokhsa.plugin.api.notification.NotificationChannel;
import ma.rokhsa.plugin.api.procedure.DefinitionException;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;
import ma.rokhsa.plugin.api.procedure.ProcedureProvider;
import ma.rokhsa.plugin.api.signature.SignatureProvider;
import ma.rokhsa.plugin.definitions.YamlDefinitionLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFactory;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginRepository;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * The plugins loaded on this node and what they offer: the PF4J plugin manager, the procedures of
 * the started plugins (and of the earlier versions kept for dossiers in flight, {@link
 * RetainedVersions}), each plugin's state with the reason it is not started, and the plugins
 * refused because their signature does not verify.
 *
 * <p>A plugin is started only if its {@code Plugin-Requires} accepts this platform's plugin API
 * version and no admin disabled it; one that throws when started or asked for its definitions is
 * stopped and marked failed with the reason, and the others go on. Extensions get the platform's
 * {@link PluginContext} ({@link PluginExtensionFactory}).
 *
 * <p>Holds the plugin manager, its class loaders and the unpacked zips under the data directory:
 * {@link PluginHost} makes one at start, {@link #loadAll loads} it, and {@link #close closes} it
 * when the application stops (every plugin stopped one by one, then unloaded). Not thread-safe: its
 * owner calls it under one lock.
 *
 * <pre>{@code
 * PluginCatalog catalog = new PluginCatalog(pluginsDir, workDir, trust, context);
 * catalog.loadAll(store.disabled());
 * // … catalog.procedure("permis-de-construire"); on stop: catalog.close();
 * }</pre>
 */
final class PluginCatalog implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(PluginCatalog.class.getName());

  private final PluginTrust trust;
  private final Function<String, PluginContext> contexts;
  private final Path shipped;
  private final Path work;
  private final ExtractingZipRepository repository;
  private DefaultPluginManager manager;
  private RetainedVersions retained;
  private final Map<String, OfferedProcedure> procedures = new ConcurrentHashMap<>();
  private final Map<String, String> reasons = new ConcurrentHashMap<>();

  /** The plugins not loaded because their zip's signature does not verify, with the reason. */
  private final Map<String, PluginStatus> refused = new ConcurrentHashMap<>();

  /**
   * @param shipped the directory of the zips shipped with the platform
   * @param work where zips are unpacked ({@code installed/} holds those installed through the API)
   */
  PluginCatalog(Path shipped, Path work, PluginTrust trust, PluginContext context) {
    this(shipped, work, trust, pluginId -> context);
  }

  /**
   * @param contexts each plugin's context, by plugin id (an earlier version kept for dossiers in
   *     flight, {@code <id>@<version>}, gets the context of {@code <id>})
   */
  PluginCatalog(
      Path shipped, Path work, PluginTrust trust, Function<String, PluginContext> contexts) {
    this.trust = trust;
    this.contexts = contexts;
    this.shipped = shipped;
    this.work = work;
    this.repository =
        new ExtractingZipRepository(shipped, installedDir(), work, this::acceptShipped);
  }

  /** Where the zips installed through the API are written, one {@code <id>.zip} each. */
  Path installedDir() {
    return work.resolve("installed");
  }

  /** Where zips are unpacked; shipped and installed ones alike. */
  ExtractingZipRepository repository() {
    return repository;
  }

  /**
   * Loads every plugin the repository offers and starts each one that is compatible and not {@code
   * disabled}.
   */
  void loadAll(Map<String, PluginStore.Setting> disabled) {
    ExtractingZipRepository zips = repository;
    ExtensionFactory extensions = new PluginExtensionFactory(this::contextOf);
    manager =
        new DefaultPluginManager(List.of(shipped)) {
          @Override
          protected PluginRepository createPluginRepository() {
            return zips;
          }

          @Override
          protected ExtensionFactory createExtensionFactory() {
            return extensions;
          }
        };
    manager.setSystemVersion(PluginApi.releaseVersion());
    try {
      manager.loadPlugins();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Plugins could not all be loaded", e);
    }
    for (PluginWrapper plugin : manager.getPlugins()) {
      activate(plugin.getPluginId(), disabled);
    }
    retained = new RetainedVersions(work.resolve("retained"), work);
  }

  /** The context of the plugin an extension class comes from. */
  private PluginContext contextOf(Class<?> extensionClass) {
    PluginWrapper plugin = manager == null ? null : manager.whichPlugin(extensionClass);
    if (plugin == null) {
      throw new IllegalStateException(extensionClass.getName() + " belongs to no loaded plugin");
    }
    String id = plugin.getPluginId();
    return contexts.apply(RetainedVersions.isAlias(id) ? id.substring(0, id.indexOf('@')) : id);
  }

  /** Whether {@link #loadAll} has run and {@link #close} has not. */
  boolean isOpen() {
    return manager != null;
  }

  // --- what is loaded ------------------------------------------------------------------------

  Optional<PluginWrapper> plugin(String id) {
    return Optional.ofNullable(manager.getPlugin(id));
  }

  /** Whether a plugin is known here: loaded, or refused for its signature. */
  boolean knows(String id) {
    return manager.getPlugin(id) != null || refused.containsKey(id);
  }

  int compareVersions(String one, String other) {
    return manager.getVersionManager().compareVersions(one, other);
  }

  List<OfferedProcedure> procedures() {
    return procedures.values().stream()
        .sorted(Comparator.comparing(p -> p.definition().id()))
        .toList();
  }

  Optional<OfferedProcedure> procedure(String id) {
    return Optional.ofNullable(procedures.get(id));
  }

  Optional<OfferedProcedure> procedure(String id, String version) {
    Optional<OfferedProcedure> current =
        procedure(id).filter(p -> p.definition().version().equals(version));
    return current.isPresent() || retained == null ? current : retained.procedure(id, version);
  }

  /** The procedures a plugin's current version offers. */
  List<OfferedProcedure> proceduresOf(String pluginId) {
    return procedures.values().stream().filter(p -> p.pluginId().equals(pluginId)).toList();
  }

  /**
   * The notification channels offered by the started plugins, asked for afresh on each call (so a
   * plugin stopped, upgraded or removed since is never used); empty when not open.
   */
  List<NotificationChannel> notificationChannels() {
    if (manager == null) {
      return List.of();
    }
    List<NotificationChannel> channels = new ArrayList<>();
    for (PluginWrapper plugin : manager.getStartedPlugins()) {
      channels.addAll(manager.getExtensions(NotificationChannel.class, plugin.getPluginId()));
    }
    return channels;
  }

  /**
   * The signature providers offered by the started plugins, asked for afresh on each call (a plugin
   * stopped, upgraded or removed since is never used); empty when not open.
   */
  List<SignatureProvider> signatureProviders() {
    if (manager == null) {
      return List.of();
    }
    List<SignatureProvider> providers = new ArrayList<>();
    for (PluginWrapper plugin : manager.getStartedPlugins()) {
      if (!RetainedVersions.isAlias(plugin.getPluginId())) {
        providers.addAll(manager.getExtensions(SignatureProvider.class, plugin.getPluginId()));
      }
    }
    return providers;
  }

  // --- state of each plugin ------------------------------------------------------------------

  List<PluginStatus> plugins() {
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

  PluginStatus status(String id) {
    return status(Optional.ofNullable(manager.getPlugin(id)).orElseThrow());
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

  /** Records that a plugin is not loaded because its zip is not trusted. */
  void refuse(String id, String version, String reason) {
    LOG.severe(() -> "Plugin " + id + " is not loaded: " + reason);
    refused.put(id, new PluginStatus(id, version, null, null, "FAILED", reason, List.of()));
  }

  /** Forgets that a plugin was refused (a new zip of it is about to be judged). */
  void forgetRefusal(String id) {
    refused.remove(id);
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
          trust.refusal(
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

  // --- loading, starting, stopping -----------------------------------------------------------

  /** Starts the plugin unless it is incompatible or disabled, saying why it is not started. */
  PluginStatus activate(String id, Map<String, PluginStore.Setting> disabled) {
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

  /** Stops a plugin an admin disabled, saying who did. */
  void deactivate(String id, String reason) {
    stopQuietly(id);
    reasons.put(id, reason);
  }

  static String disabledReason(PluginStore.Setting setting) {
    return "disabled by " + setting.changedBy + " on " + setting.changedAt.toLocalDate();
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

  /**
   * Unpacks and loads a zip (not started).
   *
   * @throws InvalidInput if PF4J cannot load it
   */
  void load(String id, byte[] zip) {
    Path unpacked = repository.install(id, zip);
    try {
      loadPath(unpacked);
    } catch (RuntimeException e) {
      repository.uninstall(id);
      throw new InvalidInput("the plugin cannot be loaded: " + Throwables.rootMessage(e));
    }
  }

  /** Loads an unpacked plugin (not started). */
  void loadPath(Path unpacked) {
    String loaded = manager.loadPlugin(unpacked);
    if (loaded == null) {
      throw new IllegalStateException("PF4J refused " + unpacked.getFileName());
    }
  }

  /** Stops and unloads a plugin, and deletes what was unpacked of its installed zip. */
  void unload(String id) {
    stopQuietly(id);
    manager.unloadPlugin(id);
    repository.uninstall(id);
  }

  /** Forgets why a plugin was not started (it is about to be replaced). */
  void forgetReason(String id) {
    reasons.remove(id);
  }

  // --- earlier versions kept for dossiers in flight ------------------------------------------

  /**
   * Loads and starts an earlier version of a plugin beside the current one.
   *
   * @throws IllegalStateException if it cannot be loaded or started
   */
  void loadRetained(String pluginId, String version, byte[] zip) {
    retained.load(manager, pluginId, version, zip);
  }

  /** The procedures (id@version) a kept version offers. */
  List<String> retainedProcedureIds(String alias) {
    return retained.procedureIds(alias);
  }

  void unloadRetained(String alias) {
    retained.unload(manager, alias);
  }

  /** Stops every plugin, one by one (PF4J 3.15's stopPlugins skips some), then unloads them. */
  @Override
  public void close() {
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
