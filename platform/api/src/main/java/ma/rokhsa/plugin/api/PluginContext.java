package ma.rokhsa.plugin.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

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
 * time zone is not the legal one. In tests, {@link #of(Clock)} makes a context on a fixed clock. It
 * holds no resource. New facts of the platform are added to it as default methods.
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

  /** A context on this clock, in the legal time zone (tests, the testkit, the platform itself). */
  static PluginContext of(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    return () -> clock;
  }
}
