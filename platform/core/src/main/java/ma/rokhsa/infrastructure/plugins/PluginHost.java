package ma.rokhsa.infrastructure.plugins;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import ma.rokhsa.application.ProcedureCatalog;
import ma.rokhsa.infrastructure.Throwables;
import ma.rokhsa.infrastructure.config.RokhsaSettings;
import ma.rokhsa.plugin.api.PluginApi;
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
 * Loads the plugins (PF4J zips in {@code rokhsa.plugins.dir}, unpacked under the data directory)
 * and keeps what they offer. A plugin is started only if its {@code Plugin-Requires} accepts this
 * platform's plugin API version; one that throws when loaded, started or asked for its definitions
 * is marked failed with the reason, and the others go on.
 *
 * <p>Owns the plugin manager: started by the platform's bootstrap with {@link #start()}, stopped
 * (every plugin, one by one, then unloaded) when the application stops.
 */
@ApplicationScoped
public class PluginHost implements ProcedureCatalog {

  private static final Logger LOG = Logger.getLogger(PluginHost.class.getName());

  @Inject RokhsaSettings settings;

  private DefaultPluginManager manager;
  private final Map<String, OfferedProcedure> procedures = new ConcurrentHashMap<>();
  private final Map<String, String> failures = new ConcurrentHashMap<>();

  /** Loads and starts the plugins found; returns a line per plugin for the log. */
  public synchronized List<String> start() {
    Path source = settings.pluginsDir();
    Path work = settings.dataDir().resolve("plugins");
    manager =
        new DefaultPluginManager(List.of(source)) {
          @Override
          protected PluginRepository createPluginRepository() {
            return new ExtractingZipRepository(source, work);
          }
        };
    manager.setSystemVersion(PluginApi.releaseVersion());
    try {
      manager.loadPlugins();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Plugins could not all be loaded from " + source, e);
    }
    for (PluginWrapper plugin : manager.getPlugins()) {
      if (!compatible(plugin)) {
        // PF4J has disabled it; say why.
        failures.put(plugin.getPluginId(), incompatibility(plugin.getDescriptor()));
      }
    }
    try {
      manager.startPlugins();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "A plugin failed to start", e);
    }
    for (PluginWrapper plugin : manager.getPlugins()) {
      if (plugin.getPluginState() == PluginState.FAILED) {
        failures.put(
            plugin.getPluginId(),
            "failed to start: "
                + Optional.ofNullable(plugin.getFailedException())
                    .map(Throwables::rootMessage)
                    .orElse("unknown reason"));
      } else if (plugin.getPluginState() == PluginState.STARTED) {
        collectProcedures(plugin);
      }
    }
    List<String> lines = new ArrayList<>();
    for (PluginStatus status : plugins()) {
      lines.add(
          status.id()
              + " "
              + status.version()
              + " "
              + status.state()
              + (status.reason() == null ? " " + status.procedures() : " — " + status.reason()));
    }
    return lines;
  }

  private void collectProcedures(PluginWrapper plugin) {
    String id = plugin.getPluginId();
    try {
      List<ProcedureProvider> providers = manager.getExtensions(ProcedureProvider.class, id);
      Map<String, OfferedProcedure> offered = new LinkedHashMap<>();
      for (ProcedureProvider provider : providers) {
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
      fail(plugin, "its procedure definition is not valid: " + String.join("; ", e.problems()), e);
    } catch (RuntimeException | LinkageError e) {
      fail(plugin, "failed to describe its procedures: " + Throwables.rootMessage(e), e);
    }
  }

  private void fail(PluginWrapper plugin, String reason, Throwable cause) {
    LOG.log(Level.WARNING, "Plugin " + plugin.getPluginId() + " " + reason, cause);
    failures.put(plugin.getPluginId(), reason);
    try {
      manager.stopPlugin(plugin.getPluginId());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Plugin " + plugin.getPluginId() + " did not stop cleanly", e);
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

  @Override
  public List<OfferedProcedure> procedures() {
    return procedures.values().stream()
        .sorted(java.util.Comparator.comparing(p -> p.definition().id()))
        .toList();
  }

  @Override
  public Optional<OfferedProcedure> procedure(String id) {
    return Optional.ofNullable(procedures.get(id));
  }

  @Override
  public List<PluginStatus> plugins() {
    if (manager == null) {
      return List.of();
    }
    List<PluginStatus> statuses = new ArrayList<>();
    for (PluginWrapper plugin : manager.getPlugins()) {
      PluginDescriptor d = plugin.getDescriptor();
      String reason = failures.get(plugin.getPluginId());
      String state =
          reason != null && plugin.getPluginState() != PluginState.DISABLED
              ? PluginState.FAILED.toString()
              : plugin.getPluginState().toString();
      statuses.add(
          new PluginStatus(
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
                  .toList()));
    }
    statuses.sort(java.util.Comparator.comparing(PluginStatus::id));
    return Collections.unmodifiableList(statuses);
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
