package ma.rokhsa.infrastructure.plugins;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import ma.rokhsa.application.ProcedureCatalog.OfferedProcedure;
import ma.rokhsa.infrastructure.Throwables;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;
import ma.rokhsa.plugin.api.procedure.ProcedureProvider;
import ma.rokhsa.plugin.definitions.YamlDefinitionLoader;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Earlier versions of upgraded plugins, loaded alongside the current one for the dossiers deposited
 * under their procedures: each under its own plugin id ({@code <id>@<version>}, written into a copy
 * of its {@code plugin.properties}), so that PF4J keeps both versions' classes apart. They offer
 * nothing to new deposits; {@link #procedure} finds a procedure version for a dossier.
 *
 * <p>Its plugins live in the {@link PluginCatalog}'s plugin manager: {@link #unload} stops one that
 * no dossier needs any more, and the catalog's {@code close()} stops and unloads the others with
 * every plugin when the application stops. Not thread-safe: called under the host's lock.
 */
final class RetainedVersions {

  private static final Logger LOG = Logger.getLogger(RetainedVersions.class.getName());

  private final ExtractingZipRepository repository;
  private final Map<String, OfferedProcedure> procedures = new ConcurrentHashMap<>();

  RetainedVersions(Path dir, Path work) {
    // Nothing is shipped here: the zips come from the database, verified before they are loaded.
    this.repository =
        new ExtractingZipRepository(dir.resolve("none"), dir, work, (zip, descriptor) -> false);
  }

  /** The id an earlier version of a plugin is loaded under. */
  static String alias(String pluginId, String version) {
    return pluginId + "@" + version;
  }

  static boolean isAlias(String pluginId) {
    return pluginId.contains("@");
  }

  Optional<OfferedProcedure> procedure(String id, String version) {
    return Optional.ofNullable(procedures.get(id + "@" + version));
  }

  /**
   * Loads and starts an earlier version of a plugin under its alias.
   *
   * @throws IllegalStateException if it cannot be loaded or started
   */
  void load(PluginManager manager, String pluginId, String version, byte[] zip) {
    String alias = alias(pluginId, version);
    if (manager.getPlugin(alias) != null) {
      return;
    }
    Path unpacked = repository.install(alias, renamed(zip, alias));
    String loaded = manager.loadPlugin(unpacked);
    if (loaded == null) {
      repository.uninstall(alias);
      throw new IllegalStateException("PF4J refused " + alias);
    }
    PluginState state = manager.startPlugin(alias);
    PluginWrapper plugin = manager.getPlugin(alias);
    if (state != PluginState.STARTED) {
      unload(manager, alias);
      throw new IllegalStateException(
          alias
              + " did not start: "
              + Optional.ofNullable(plugin.getFailedException())
                  .map(Throwables::rootMessage)
                  .orElse(String.valueOf(state)));
    }
    for (ProcedureProvider provider : manager.getExtensions(ProcedureProvider.class, alias)) {
      ProcedureDefinition definition =
          provider.definition(new YamlDefinitionLoader(plugin.getPluginClassLoader()));
      procedures.put(
          definition.id() + "@" + definition.version(),
          new OfferedProcedure(alias, version, definition, provider));
    }
    LOG.info(() -> "Kept plugin " + alias + " for dossiers in flight: " + procedureIds(alias));
  }

  /** The procedures (id@version) a retained plugin offers. */
  List<String> procedureIds(String alias) {
    List<String> ids = new ArrayList<>();
    procedures.forEach(
        (key, offered) -> {
          if (offered.pluginId().equals(alias)) {
            ids.add(key);
          }
        });
    ids.sort(String::compareTo);
    return ids;
  }

  void unload(PluginManager manager, String alias) {
    procedures.values().removeIf(p -> p.pluginId().equals(alias));
    try {
      if (manager.getPlugin(alias) != null) {
        if (manager.getPlugin(alias).getPluginState() == PluginState.STARTED) {
          manager.stopPlugin(alias);
        }
        manager.unloadPlugin(alias);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Retained plugin " + alias + " did not unload cleanly", e);
    }
    repository.uninstall(alias);
  }

  /** The same zip with {@code plugin.id} set to {@code alias}. */
  static byte[] renamed(byte[] zip, String alias) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(zip.length + 256);
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
        ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        out.putNextEntry(new ZipEntry(entry.getName()));
        if (entry.getName().equals("plugin.properties")) {
          Properties descriptor = new Properties();
          descriptor.load(in);
          descriptor.setProperty("plugin.id", alias);
          descriptor.store(out, "retained version");
        } else {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
