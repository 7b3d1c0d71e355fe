package ma.exemple.enseigne;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import ma.rokhsa.plugin.api.LocalizedText;
import ma.rokhsa.plugin.api.procedure.DefinitionLoader;
import ma.rokhsa.plugin.api.procedure.FormValues;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;
import ma.rokhsa.plugin.api.procedure.ProcedureProvider;
import ma.rokhsa.plugin.api.procedure.Violation;
import org.pf4j.Extension;

/**
 * Autorisation d'installation d'une enseigne. The definition is data ({@code procedure.yaml}); code
 * holds the one rule the format cannot state, because it compares a field with a threshold only for
 * one kind of sign: a sign hung perpendicular to the façade ("en drapeau") overhangs the sidewalk,
 * so it must leave pedestrians {@link #MIN_CLEARANCE_M} of headroom and project at most {@link
 * #MAX_PROJECTION_M}.
 */
@Extension
public class EnseignePublicitaire implements ProcedureProvider {

  /** Headroom above the sidewalk under a projecting sign, in metres. */
  static final BigDecimal MIN_CLEARANCE_M = new BigDecimal("2.50");

  /** How far a projecting sign may reach over the public domain, in metres. */
  static final BigDecimal MAX_PROJECTION_M = new BigDecimal("0.80");

  @Override
  public ProcedureDefinition definition(DefinitionLoader loader) {
    return loader.load("procedure.yaml");
  }

  @Override
  public List<Violation> check(FormValues values) {
    List<Violation> violations = new ArrayList<>();
    if (!values.text("pose").filter("drapeau"::equals).isPresent()) {
      return violations;
    }
    values
        .number("hauteur_sol")
        .filter(height -> height.compareTo(MIN_CLEARANCE_M) < 0)
        .ifPresent(
            height ->
                violations.add(
                    new Violation(
                        "hauteur_sol",
                        LocalizedText.of(
                            "une enseigne en drapeau laisse au moins "
                                + metres(MIN_CLEARANCE_M)
                                + " m de hauteur libre au-dessus du trottoir",
                            "يجب أن تترك اللافتة البارزة علوا حرا لا يقل عن "
                                + metres(MIN_CLEARANCE_M)
                                + " م فوق الرصيف"))));
    values
        .number("saillie")
        .filter(projection -> projection.compareTo(MAX_PROJECTION_M) > 0)
        .ifPresent(
            projection ->
                violations.add(
                    new Violation(
                        "saillie",
                        LocalizedText.of(
                            "une enseigne en drapeau ne dépasse pas "
                                + metres(MAX_PROJECTION_M)
                                + " m de saillie",
                            "لا يجوز أن يتجاوز بروز اللافتة " + metres(MAX_PROJECTION_M) + " م"))));
    return violations;
  }

  private static String metres(BigDecimal value) {
    return value.toPlainString().replace('.', ',');
  }
}
