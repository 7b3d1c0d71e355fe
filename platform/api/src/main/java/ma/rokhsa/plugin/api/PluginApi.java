package ma.rokhsa.plugin.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Facts about this plugin API that a host and its plugins agree on.
 *
 * <p>The host checks each plugin's {@code Plugin-Requires} against {@link #version()}; a plugin
 * built against {@code 1.2.0} asks for {@code >=1.2.0 & <2.0.0}.
 */
public final class PluginApi {

  private static final String VERSION = readVersion();

  private PluginApi() {}

  /**
   * The version of this API, as released (for example {@code 1.2.0}); development builds carry a
   * {@code -SNAPSHOT} suffix.
   */
  public static String version() {
    return VERSION;
  }

  /** The version without any qualifier such as {@code -SNAPSHOT}, as PF4J compares versions. */
  public static String releaseVersion() {
    int qualifier = VERSION.indexOf('-');
    return qualifier < 0 ? VERSION : VERSION.substring(0, qualifier);
  }

  private static String readVersion() {
    try (InputStream in = PluginApi.class.getResourceAsStream("api-version.properties")) {
      if (in == null) {
        throw new IllegalStateException("api-version.properties is missing from the plugin API");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
