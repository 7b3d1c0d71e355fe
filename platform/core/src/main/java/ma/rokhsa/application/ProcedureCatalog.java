package ma.rokhsa.application;

import java.util.List;
import java.util.Optional;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;
import ma.rokhsa.plugin.api.procedure.ProcedureProvider;

/** The procedures the started plugins offer, and the state of every plugin. */
public interface ProcedureCatalog {

  /** Every procedure offered by a started plugin, by id. */
  List<OfferedProcedure> procedures();

  Optional<OfferedProcedure> procedure(String id);

  /**
   * One version of a procedure: the current one, or an earlier one kept while dossiers deposited
   * under it are instructed.
   */
  default Optional<OfferedProcedure> procedure(String id, String version) {
    return procedure(id).filter(p -> p.definition().version().equals(version));
  }

  /** Every plugin found, started or not, with why not. */
  List<PluginStatus> plugins();

  /**
   * A procedure offered by a plugin.
   *
   * @param pluginId the plugin that offers it
   * @param pluginVersion that plugin's version
   * @param definition what the procedure is
   * @param provider its code, for the rules that need code
   */
  record OfferedProcedure(
      String pluginId,
      String pluginVersion,
      ProcedureDefinition definition,
      ProcedureProvider provider) {}

  /**
   * A plugin and its state.
   *
   * @param id its id
   * @param version its version
   * @param requires the plugin API versions it accepts
   * @param provider who ships it
   * @param state STARTED, DISABLED, FAILED…
   * @param reason why it is not started, when it is not
   * @param procedures the ids of the procedures it offers
   */
  record PluginStatus(
      String id,
      String version,
      String requires,
      String provider,
      String state,
      String reason,
      List<String> procedures) {}
}
