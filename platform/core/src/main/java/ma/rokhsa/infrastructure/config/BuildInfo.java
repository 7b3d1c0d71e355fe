package ma.rokhsa.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import ma.rokhsa.plugin.api.PluginApi;

/** The facts of this build of the platform, written into the jar by Maven. */
@ApplicationScoped
public class BuildInfo {

  private final Properties properties = new Properties();

  public BuildInfo() {
    try (InputStream in = BuildInfo.class.getResourceAsStream("/rokhsa-build.properties")) {
      if (in == null) {
        throw new IllegalStateException("rokhsa-build.properties is missing from rokhsa-core");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String version() {
    return properties.getProperty("version");
  }

  /** When this build was made, ISO-8601 in UTC. */
  public String builtAt() {
    return properties.getProperty("built-at");
  }

  /** The plugin API version this platform offers to plugins. */
  public String pluginApiVersion() {
    return PluginApi.version();
  }
}
