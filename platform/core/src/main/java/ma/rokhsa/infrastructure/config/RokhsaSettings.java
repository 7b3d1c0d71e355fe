package ma.rokhsa.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
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
  private Duration tokenTtl;
  private Optional<String> oidcIssuer;
  private Optional<String> oidcJwksUrl;
  private Optional<String> oidcAudience;
  private Optional<String> initialAdminPassword;
  private String demoPassword;
  private Optional<Path> pluginTrustAnchors;
  private boolean pluginSignaturesRequired;
  private String storageKind;
  private Optional<Path> storageDir;
  private Duration pluginPollInterval;
  private Duration drainTimeout;
  private long uploadQuotaPerAccount;
  private Config config;
  private java.util.List<String> trustedProxies;
  private Duration signInWindow;
  private int signInFailuresPerAccountAddress;
  private int signInFailuresPerAddress;
  private int signInFailuresGlobal;
  private int hashingConcurrency;
  private Duration hashingWait;

  /** For CDI's proxy. */
  protected RokhsaSettings() {}

  @Inject
  RokhsaSettings(Config config) {
    this.config = config;
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
    this.tokenTtl = Duration.parse(config.getValue("rokhsa.auth.token-ttl", String.class));
    this.oidcIssuer = config.getOptionalValue("rokhsa.oidc.issuer", String.class);
    this.oidcJwksUrl = config.getOptionalValue("rokhsa.oidc.jwks-url", String.class);
    this.oidcAudience =
        config.getOptionalValue("rokhsa.oidc.audience", String.class).filter(a -> !a.isBlank());
    this.initialAdminPassword =
        config.getOptionalValue("rokhsa.admin.initial-password", String.class);
    this.demoPassword = config.getValue("rokhsa.demo.password", String.class);
    this.pluginTrustAnchors =
        config
            .getOptionalValue("rokhsa.plugins.trust-anchors", String.class)
            .map(path -> home.resolve(path).normalize());
    String signatures = config.getValue("rokhsa.plugins.signatures", String.class);
    if (!signatures.equals("required") && !signatures.equals("optional")) {
      throw new IllegalArgumentException(
          "rokhsa.plugins.signatures must be required or optional, not " + signatures);
    }
    this.pluginSignaturesRequired = signatures.equals("required");
    this.storageKind = config.getValue("rokhsa.storage.kind", String.class);
    if (!storageKind.equals("local") && !storageKind.equals("shared")) {
      throw new IllegalArgumentException(
          "rokhsa.storage.kind must be local or shared, not " + storageKind);
    }
    this.storageDir =
        config
            .getOptionalValue("rokhsa.storage.dir", String.class)
            .map(path -> dataDir.resolve(path).normalize());
    String poll = config.getValue("rokhsa.plugins.poll-interval", String.class).strip();
    this.pluginPollInterval = poll.equals("0") ? Duration.ZERO : Duration.parse(poll);
    if (pluginPollInterval.isNegative()) {
      throw new IllegalArgumentException(
          "rokhsa.plugins.poll-interval must be 0 or a positive duration, not " + poll);
    }
    this.trustedProxies =
        config
            .getOptionalValue("rokhsa.http.trusted-proxies", String.class)
            .map(
                list ->
                    java.util.Arrays.stream(list.split(","))
                        .map(String::strip)
                        .filter(p -> !p.isEmpty())
                        .toList())
            .orElse(java.util.List.of());
    this.signInWindow =
        Duration.parse(
            config.getOptionalValue("rokhsa.auth.throttle.window", String.class).orElse("PT15M"));
    this.signInFailuresPerAccountAddress =
        positive(config, "rokhsa.auth.throttle.per-account-address", 5);
    this.signInFailuresPerAddress = positive(config, "rokhsa.auth.throttle.per-address", 20);
    this.signInFailuresGlobal = positive(config, "rokhsa.auth.throttle.global", 1000);
    this.hashingConcurrency =
        positive(
            config,
            "rokhsa.auth.hashing.concurrency",
            Math.max(2, Runtime.getRuntime().availableProcessors()));
    this.hashingWait =
        Duration.parse(
            config.getOptionalValue("rokhsa.auth.hashing.wait", String.class).orElse("PT2S"));
    long quotaMib =
        config.getOptionalValue("rokhsa.storage.quota-per-account-mib", Long.class).orElse(5120L);
    if (quotaMib < 0) {
      throw new IllegalArgumentException(
          "rokhsa.storage.quota-per-account-mib must be 0 (no quota) or more, not " + quotaMib);
    }
    this.uploadQuotaPerAccount = quotaMib * 1024 * 1024;
    this.drainTimeout =
        Duration.parse(
            config.getOptionalValue("rokhsa.shutdown.drain-timeout", String.class).orElse("PT20S"));
    if (drainTimeout.isNegative()) {
      throw new IllegalArgumentException(
          "rokhsa.shutdown.drain-timeout must not be negative, not " + drainTimeout);
    }
  }

  private static int positive(Config config, String name, int fallback) {
    int value = config.getOptionalValue(name, Integer.class).orElse(fallback);
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, not " + value);
    }
    return value;
  }

  /**
   * The addresses (or CIDR ranges) of the reverse proxies whose {@code Forwarded} and {@code
   * X-Forwarded-For} headers are believed; from anyone else those headers are ignored.
   */
  public java.util.List<String> trustedProxies() {
    return trustedProxies;
  }

  /**
   * Tests only: start with demo mode off although the development plugin signing key is trusted
   * ({@code rokhsa.insecure.accept-development-plugin-key}).
   */
  public boolean acceptDevelopmentPluginKey() {
    return config
        .getOptionalValue("rokhsa.insecure.accept-development-plugin-key", Boolean.class)
        .orElse(false);
  }

  /**
   * Tests only: national admins who may sign in without a second factor although demo mode is off
   * ({@code rokhsa.insecure.second-factor-exempt}, usernames separated by commas; ADR 0032).
   */
  public java.util.Set<String> secondFactorExempt() {
    return config
        .getOptionalValue("rokhsa.insecure.second-factor-exempt", String.class)
        .map(
            list ->
                java.util.Arrays.stream(list.split(","))
                    .map(String::strip)
                    .filter(u -> !u.isEmpty())
                    .map(u -> u.toLowerCase(java.util.Locale.ROOT))
                    .collect(java.util.stream.Collectors.toUnmodifiableSet()))
        .orElse(java.util.Set.of());
  }

  /**
   * The secret the token signing key is encrypted with in the database ({@code
   * rokhsa.auth.token-key-secret}); empty keeps it in clear (development only).
   */
  public Optional<String> tokenKeySecret() {
    return config.getOptionalValue("rokhsa.auth.token-key-secret", String.class);
  }

  /** How far back failed sign-ins count for throttling. */
  public Duration signInWindow() {
    return signInWindow;
  }

  /** Failed sign-ins of one username from one address, in the window, before that pair waits. */
  public int signInFailuresPerAccountAddress() {
    return signInFailuresPerAccountAddress;
  }

  /** Failed sign-ins from one address, in the window, before it waits. */
  public int signInFailuresPerAddress() {
    return signInFailuresPerAddress;
  }

  /** Failed sign-ins on one node, in the window, before every sign-in waits. */
  public int signInFailuresGlobal() {
    return signInFailuresGlobal;
  }

  /** Password hashes computed at once on one node (each takes 19 MiB for tens of ms). */
  public int hashingConcurrency() {
    return hashingConcurrency;
  }

  /** How long a sign-in waits for a hashing slot before it is answered 429. */
  public Duration hashingWait() {
    return hashingWait;
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

  /** How long the platform's own access tokens are valid. */
  public Duration tokenTtl() {
    return tokenTtl;
  }

  /** The issuer of an external OpenID Connect provider whose tokens are accepted, if any. */
  public Optional<String> oidcIssuer() {
    return oidcIssuer;
  }

  /** Where that provider publishes its keys (JWKS). */
  public Optional<String> oidcJwksUrl() {
    return oidcJwksUrl;
  }

  /**
   * The audience ({@code aud}) an external provider's tokens must name to be accepted here: the
   * platform's client id at the provider ({@code rokhsa.oidc.audience}).
   */
  public Optional<String> oidcAudience() {
    return oidcAudience;
  }

  /** The password of the national admin created on a new installation, if one is to be. */
  public Optional<String> initialAdminPassword() {
    return initialAdminPassword;
  }

  /** The password of every demo account (demo mode only). */
  public String demoPassword() {
    return demoPassword;
  }

  /** The certificates of the plugin vendors the platform trusts (a PEM file), if any. */
  public Optional<Path> pluginTrustAnchors() {
    return pluginTrustAnchors;
  }

  /** Whether installed plugins must be signed (false only in development, and said loudly). */
  public boolean pluginSignaturesRequired() {
    return pluginSignaturesRequired;
  }

  /**
   * Where deposited files are kept: {@code local} (a directory of this node, under the data
   * directory by default) or {@code shared} (a directory every node mounts, which must be named).
   */
  public String storageKind() {
    return storageKind;
  }

  /** The directory of deposited files, if set; relative paths start from the data directory. */
  public Optional<Path> storageDir() {
    return storageDir;
  }

  /**
   * How often this node compares the plugins kept in the database with those it loaded, to pick up
   * changes made through another node; zero: never (changes then apply at the next start).
   */
  public Duration pluginPollInterval() {
    return pluginPollInterval;
  }

  /**
   * On SIGTERM, how long the node waits for the requests in flight to finish (taking no new ones)
   * before it stops its jobs and undeploys.
   */
  /**
   * The bytes of documents one account may upload in all (its dossiers in every commune; avis files
   * aside), {@code rokhsa.storage.quota-per-account-mib}, default 5 GiB; 0: no quota.
   */
  public long uploadQuotaPerAccount() {
    return uploadQuotaPerAccount;
  }

  public Duration drainTimeout() {
    return drainTimeout;
  }

  /**
   * A setting of one plugin, {@code rokhsa.plugin.<plugin id>.<name>} (environment variable {@code
   * ROKHSA_PLUGIN_<PLUGIN_ID>_<NAME>}), as its extensions read it through their {@code
   * PluginContext}.
   */
  public Optional<String> pluginSetting(String pluginId, String name) {
    return config.getOptionalValue("rokhsa.plugin." + pluginId + "." + name, String.class);
  }

  /** Demo mode: demo accounts and data. Never on in production. */
  public boolean demo() {
    return demo;
  }
}
