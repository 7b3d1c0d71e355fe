package ma.rokhsa.plugins.permisdeconstruire;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import ma.rokhsa.plugin.api.LocalizedText;
import ma.rokhsa.plugin.api.procedure.DefinitionLoader;
import ma.rokhsa.plugin.api.procedure.FormValues;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;
import ma.rokhsa.plugin.api.procedure.ProcedureProvider;
import ma.rokhsa.plugin.api.procedure.Violation;
import ma.rokhsa.plugin.api.procedure.Workflow;
import org.pf4j.Extension;

/**
 * Permis de construire. Large projects — the "grands projets" of the urban-planning regulation:
 * public buildings and establishments open to the public, or more than four levels, or more than
 * 1,000 m² of floor area — are instructed in 25 working days; every other project in 10.
 */
@Extension
public class PermisDeConstruire implements ProcedureProvider {

  static final String INSTRUCTION = "instruction";
  static final int SMALL_PROJECT_DAYS = 10;
  static final int LARGE_PROJECT_DAYS = 25;
  static final BigDecimal LARGE_FLOOR_AREA = new BigDecimal("1000");
  static final int LARGE_LEVELS = 4;

  @Override
  public ProcedureDefinition definition(DefinitionLoader loader) {
    return loader.load("procedure.yaml");
  }

  @Override
  public Optional<Integer> deadline(Workflow.State state, FormValues values) {
    if (INSTRUCTION.equals(state.id())) {
      return Optional.of(isLargeProject(values) ? LARGE_PROJECT_DAYS : SMALL_PROJECT_DAYS);
    }
    return state.deadlineWorkingDays();
  }

  /** Whether the project is one of the "grands projets". */
  static boolean isLargeProject(FormValues values) {
    boolean publicBuilding = values.bool("etablissement_recevant_public").orElse(false);
    int levels = values.occurrences("niveaux").size();
    BigDecimal floorArea =
        values.occurrences("niveaux").stream()
            .map(level -> level.number("surface_niveau").orElse(BigDecimal.ZERO))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    return publicBuilding || levels > LARGE_LEVELS || floorArea.compareTo(LARGE_FLOOR_AREA) > 0;
  }

  /** The ground floor cannot cover more of the plot than the plot itself. */
  @Override
  public List<Violation> check(FormValues values) {
    Optional<BigDecimal> plot = values.number("surface_terrain");
    Optional<BigDecimal> footprint = values.number("emprise_au_sol");
    if (plot.isPresent() && footprint.isPresent() && footprint.get().compareTo(plot.get()) > 0) {
      return List.of(
          new Violation(
              "emprise_au_sol",
              LocalizedText.of(
                  "l'emprise au sol dépasse la surface du terrain",
                  "المساحة المبنية على الأرض تتجاوز مساحة العقار")));
    }
    return List.of();
  }
}
