package ma.rokhsa.plugins.permisdedemolir;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ma.rokhsa.plugin.api.LocalizedText;
import ma.rokhsa.plugin.api.procedure.DefinitionLoader;
import ma.rokhsa.plugin.api.procedure.FormValues;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;
import ma.rokhsa.plugin.api.procedure.ProcedureProvider;
import ma.rokhsa.plugin.api.procedure.Violation;
import org.pf4j.Extension;

/**
 * Permis de démolir. Pulling down a building of more than four levels — the height from which the
 * urban-planning regulation treats a building as a "grand projet", beyond R+3 — puts the neighbours
 * and the street at risk: its demolition must rest on a study by a bureau d'études (method,
 * phasing, safety measures), which the form attaches when its box is ticked. A partial demolition
 * cannot remove more floor area than the building has.
 */
@Extension
public class PermisDeDemolir implements ProcedureProvider {

  /** Levels (basements included) a building may have and be demolished without a study. */
  static final int MAX_LEVELS_WITHOUT_STUDY = 4;

  @Override
  public ProcedureDefinition definition(DefinitionLoader loader) {
    return loader.load("procedure.yaml");
  }

  /** Whether demolishing this building needs a bureau d'études' demolition study. */
  static boolean studyRequired(FormValues values) {
    return values
        .number("nombre_niveaux")
        .map(levels -> levels.compareTo(BigDecimal.valueOf(MAX_LEVELS_WITHOUT_STUDY)) > 0)
        .orElse(false);
  }

  /**
   * A building of more than four levels comes down only on a demolition study; a partial demolition
   * removes at most the existing floor area.
   */
  @Override
  public List<Violation> check(FormValues values) {
    List<Violation> violations = new ArrayList<>();
    if (studyRequired(values) && !values.bool("etude_demolition").orElse(false)) {
      violations.add(
          new Violation(
              "etude_demolition",
              LocalizedText.of(
                  "au-delà de "
                      + MAX_LEVELS_WITHOUT_STUDY
                      + " niveaux, une étude de démolition établie par un bureau d'études est"
                      + " exigée",
                  "يشترط إرفاق دراسة للهدم منجزة من طرف مكتب للدراسات إذا تجاوز عدد الطوابق "
                      + MAX_LEVELS_WITHOUT_STUDY)));
    }
    Optional<BigDecimal> existing = values.number("surface_existante");
    Optional<BigDecimal> demolished = values.number("surface_a_demolir");
    if (values.text("nature").filter("partielle"::equals).isPresent()
        && existing.isPresent()
        && demolished.isPresent()
        && demolished.get().compareTo(existing.get()) > 0) {
      violations.add(
          new Violation(
              "surface_a_demolir",
              LocalizedText.of(
                  "la surface à démolir dépasse la surface de plancher existante",
                  "المساحة المراد هدمها تتجاوز المساحة المغطاة القائمة")));
    }
    return violations;
  }
}
