package ma.rokhsa.plugin.api;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the platform hands a plugin's extensions: its clock and the legal time zone in which days
 * are judged. An extension that needs them declares a public constructor taking a {@code
 * PluginContext}; the platform calls it instead of the no-argument one (which still works for
 * extensions that need nothing).
 *
 * <pre>{@code
 * @Extension
 * public class PermisDHabiter implements ProcedureProvider {
 *   private final PluginContext context;
 *
 *   public PermisDHabiter(PluginContext context) {
 *     this.context = context;
 *   }
 *   // … context.today() is today in Morocco, by the platform's clock
 * }
 * }</pre>
 *
 * <p>Use it rather than {@code Clock.systemDefaultZone()} or {@code LocalDate.now()}: the
 * platform's clock is the one its deadlines, tests and demonstrations run on, and the server's own
 * time zone is not the legal one. In tests, {@link #of(Clock)} makes a context on a fixed clock.
 *
 * <p>Each plugin gets its own context: a {@link #dataDirectory() directory} for the files it keeps
 * (a soft token's key stores) and the {@link #setting settings} the operator gave it (a PKCS#11
 * module's library). It holds no resource. New facts of the platform are added to it as default
 * methods.
 */
public interface PluginContext {

  /** The legal time zone of Rokhsa: Morocco's ({@code Africa/Casablanca}). */
  ZoneId LEGAL_ZONE = ZoneId.of("Africa/Casablanca");

  /** The platform's clock. */
  Clock clock();

  /** The time zone in which the law's days are counted: {@link #LEGAL_ZONE}. */
  default ZoneId legalZone() {
    return LEGAL_ZONE;
  }

  /** Today, in the legal time zone, by the platform's clock. */
  default LocalDate today() {
    return clock().instant().atZone(legalZone()).toLocalDate();
  }

  /**
   * The plugin's own directory, kept across restarts and upgrades of the plugin, on the node's data
   * directory ({@code <rokhsa.data.dir>/plugin-data/<plugin-id>}); created by the platform. Shared
   * by the plugin's extensions, and by no other plugin. Keep secrets in it only encrypted.
   *
   * @throws IllegalStateException where the context has none (made by {@link #of(Clock)})
   */
  @Incubating
  default Path dataDirectory() {
    throw new IllegalStateException("this context gives no data directory");
  }

  /**
   * A setting the operator gave this plugin: property {@code rokhsa.plugin.<plugin-id>.<name>} of
   * the platform's configuration (a system property, or the environment variable {@code
   * ROKHSA_PLUGIN_<PLUGIN_ID>_<NAME>}). Node-wide, the same for every tenant.
   *
   * @param name the setting's kebab-case name ({@code library})
   */
  @Incubating
  default Optional<String> setting(String name) {
    return Optional.empty();
  }

  /** A context on this clock, in the legal time zone (tests, the testkit, the platform itself). */
  static PluginContext of(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    return () -> clock;
  }

  /**
   * A context with a data directory and settings (tests of a plugin that keeps files or needs
   * settings; the platform itself).
   */
  @Incubating
  static PluginContext of(Clock clock, Path dataDirectory, Map<String, String> settings) {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Map<String, String> copy = Map.copyOf(settings);
    return new PluginContext() {
      @Override
      public Clock clock() {
        return clock;
      }

      @Override
      public Path dataDirectory() {
        return dataDirectory;
      }

      @Override
      public Optional<String> setting(String name) {
        return Optional.ofNullable(copy.get(name));
      }
    };
  }
}
