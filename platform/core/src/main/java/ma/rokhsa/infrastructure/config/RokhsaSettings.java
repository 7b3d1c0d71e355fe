package ma.rokhsa.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The platform's own settings. Each is a MicroProfile Config property: set it as a system property
 * ({@code -Drokhsa.data.dir=/var/lib/rokhsa}) or an environment variable ({@code ROKHSA_DATA_DIR}).
 * Defaults live in {@code META-INF/microprofile-config.properties}; every setting is described in
 * {@code docs/configuration.md}.
 *
 * <p>Relative directories are resolved against {@link #home()}, itself relative to the working
 * directory of the server process.
 */
@ApplicationScoped
public class RokhsaSettings {

  private Path home;
  private Path dataDir;
  private Path pluginsDir;
  private Path tenantConfigDir;
  private Path themesDir;
  private Path indexDir;
  private URI publicUrl;
  private boolean demo;
  private String databaseUrl;
  private String databaseUser;
  private String databasePassword;

  /** For CDI's proxy. */
  protected RokhsaSettings() {}

  @Inject
  RokhsaSettings(Config config) {
    this.home = Path.of(config.getValue("rokhsa.home", String.class)).toAbsolutePath().normalize();
    this.dataDir = home.resolve(config.getValue("rokhsa.data.dir", String.class)).normalize();
    this.pluginsDir = home.resolve(config.getValue("rokhsa.plugins.dir", String.class)).normalize();
    this.tenantConfigDir =
        home.resolve(config.getValue("rokhsa.tenant-config.dir", String.class)).normalize();
    this.themesDir = home.resolve(config.getValue("rokhsa.themes.dir", String.class)).normalize();
    this.indexDir = dataDir.resolve(config.getValue("rokhsa.index.dir", String.class)).normalize();
    String url = config.getValue("rokhsa.public-url", String.class);
    this.publicUrl = URI.create(url.endsWith("/") ? url : url + "/");
    this.demo = config.getValue("rokhsa.demo", Boolean.class);
    this.databaseUrl = config.getOptionalValue("rokhsa.db.url", String.class).orElse("embedded");
    this.databaseUser = config.getOptionalValue("rokhsa.db.user", String.class).orElse(null);
    this.databasePassword =
        config.getOptionalValue("rokhsa.db.password", String.class).orElse(null);
  }

  /** The settings as the current configuration gives them, for code that CDI does not create. */
  public static RokhsaSettings current() {
    // Pool and timer threads may have no context class loader: name the application's.
    return new RokhsaSettings(ConfigProvider.getConfig(RokhsaSettings.class.getClassLoader()));
  }

  /** The directory that relative paths start from. */
  public Path home() {
    return home;
  }

  /** Where the platform writes: the embedded database, uploaded files, the search index. */
  public Path dataDir() {
    return dataDir;
  }

  /** Where plugin zips are loaded from. */
  public Path pluginsDir() {
    return pluginsDir;
  }

  /** The tenant configuration applied at startup. */
  public Path tenantConfigDir() {
    return tenantConfigDir;
  }

  public Path themesDir() {
    return themesDir;
  }

  /** The search index; relative paths start from the data directory. */
  public Path indexDir() {
    return indexDir;
  }

  /** The address users reach the platform at, always ending with a slash. */
  public URI publicUrl() {
    return publicUrl;
  }

  /**
   * The {@code rokhsa.db.url} setting: {@code embedded} (H2 files under the data directory) or a
   * JDBC URL. May hold credentials: never log it whole.
   */
  public String databaseUrl() {
    return databaseUrl;
  }

  /** The database user, or null to let the driver decide. */
  public String databaseUser() {
    return databaseUser;
  }

  /** The database password, or null for none. */
  public String databasePassword() {
    return databasePassword;
  }

  /** Demo mode: demo accounts and data. Never on in production. */
  public boolean demo() {
    return demo;
  }
}
