package ma.rokhsa.interfaces.rest.admin;

import java.util.List;
import ma.rokhsa.application.ProcedureCatalog.OfferedProcedure;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;

/**
 * A procedure as listed: what it is and which plugin offers it.
 *
 * @param id its id
 * @param version the version of its rules
 * @param nameFr name in French
 * @param nameAr name in Arabic
 * @param tenantKinds kinds of tenant that may offer it
 * @param plugin the plugin that offers it
 * @param pluginVersion that plugin's version
 * @param consultedBodies the bodies whose avis is asked
 */
public record ProcedureRepresentation(
    String id,
    String version,
    String nameFr,
    String nameAr,
    List<String> tenantKinds,
    String plugin,
    String pluginVersion,
    List<String> consultedBodies) {

  public static ProcedureRepresentation of(OfferedProcedure offered) {
    ProcedureDefinition d = offered.definition();
    return new ProcedureRepresentation(
        d.id(),
        d.version(),
        d.name().fr(),
        d.name().ar(),
        d.tenantKinds().stream().sorted().toList(),
        offered.pluginId(),
        offered.pluginVersion(),
        d.workflow().consultedBodies().stream().map(b -> b.id()).toList());
  }
}
