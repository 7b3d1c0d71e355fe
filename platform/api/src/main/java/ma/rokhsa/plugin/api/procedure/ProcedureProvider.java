package ma.rokhsa.plugin.api.procedure;

import java.util.List;
import java.util.Optional;
import org.pf4j.ExtensionPoint;

/**
 * A procedure offered by a plugin: the extension point a procedure plugin implements (annotate the
 * class with {@code @org.pf4j.Extension}).
 *
 * <pre>{@code
 * @Extension
 * public class PermisDeConstruire implements ProcedureProvider {
 *   public ProcedureDefinition definition(DefinitionLoader loader) {
 *     return loader.load("procedure.yaml");
 *   }
 * }
 * }</pre>
 *
 * <p>The platform calls {@link #definition} once, when the plugin starts, and checks what it gets
 * (a broken definition fails the plugin, never the platform). The other methods are called while
 * dossiers are instructed; whatever they throw is caught, reported as the plugin's failure, and
 * changes nothing of the dossier.
 */
public interface ProcedureProvider extends ExtensionPoint {

  /** What the procedure is; usually read from a data file of the plugin through {@code loader}. */
  ProcedureDefinition definition(DefinitionLoader loader);

  /**
   * Rules that need code, checked after the form's declared rules (required fields, bounds,
   * patterns, choices, sections) have passed. Default: none.
   */
  default List<Violation> check(FormValues values) {
    return List.of();
  }

  /** The fee for these values. Default: the definition's fee schedule applied to them. */
  default Fee fee(FormValues values, FeeSchedule schedule) {
    return schedule.apply(values);
  }

  /**
   * The legal time for a dossier with these values to leave {@code state}, in working days.
   * Default: the deadline the state declares. Override when the law sets it by the dossier (small
   * and large projects).
   */
  default Optional<Integer> deadline(Workflow.State state, FormValues values) {
    return state.deadlineWorkingDays();
  }
}
