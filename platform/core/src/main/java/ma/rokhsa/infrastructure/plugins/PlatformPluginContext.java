package ma.rokhsa.infrastructure.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BiFunction;
import ma.rokhsa.plugin.api.PluginContext;

/**
 * The context the platform hands one plugin's extensions: its clock, the plugin's own data
 * directory ({@code <rokhsa.data.dir>/plugin-data/<plugin id>}, made on first use, kept across
 * restarts and upgrades) and its settings ({@code rokhsa.plugin.<plugin id>.<name>}). Holds no
 * resource.
 */
final class PlatformPluginContext implements PluginContext {

  private final Clock clock;
  private final String pluginId;
  private final Path dataDirectory;
  private final BiFunction<String, String, Optional<String>> settings;

  /**
   * @param pluginData the parent of every plugin's data directory
   * @param settings a setting by plugin id and name
   */
  PlatformPluginContext(
      Clock clock,
      String pluginId,
      Path pluginData,
      BiFunction<String, String, Optional<String>> settings) {
    this.clock = clock;
    this.pluginId = pluginId;
    this.dataDirectory = pluginData.resolve(pluginId).normalize();
    if (!dataDirectory.getParent().equals(pluginData.normalize())) {
      throw new IllegalArgumentException("not a plugin id: " + pluginId);
    }
    this.settings = settings;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public Path dataDirectory() {
    try {
      return Files.createDirectories(dataDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("the data directory of plugin " + pluginId, e);
    }
  }

  @Override
  public Optional<String> setting(String name) {
    return settings.apply(pluginId, name);
  }
}
