package ma.rokhsa.plugin.testkit.sample;

import java.math.BigDecimal;
import java.util.List;
import ma.rokhsa.plugin.api.LocalizedText;
import ma.rokhsa.plugin.api.procedure.DefinitionLoader;
import ma.rokhsa.plugin.api.procedure.FormValues;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;
import ma.rokhsa.plugin.api.procedure.ProcedureProvider;
import ma.rokhsa.plugin.api.procedure.Violation;
import org.pf4j.Extension;

/** A procedure as a vendor writes one: the data in YAML, one rule in code. */
@Extension
public class OccupationDomainePublic implements ProcedureProvider {

  /** The room a table takes on a terrace, chairs included. */
  static final BigDecimal SQUARE_METRES_PER_TABLE = BigDecimal.valueOf(2);

  @Override
  public ProcedureDefinition definition(DefinitionLoader loader) {
    return loader.load("sample/procedure.yaml");
  }

  /** The tables must fit on the surface asked for: a sum over a repeatable section needs code. */
  @Override
  public List<Violation> check(FormValues values) {
    BigDecimal tables =
        values.occurrences("installations").stream()
            .filter(installation -> installation.text("type").orElse("").equals("table"))
            .map(installation -> installation.number("nombre").orElse(BigDecimal.ZERO))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal surface = values.number("surface").orElse(BigDecimal.ZERO);
    if (tables.multiply(SQUARE_METRES_PER_TABLE).compareTo(surface) > 0) {
      return List.of(
          new Violation(
              "installations",
              LocalizedText.of(
                  "trop de tables pour la surface demandée (2 m² par table)",
                  "عدد الطاولات يتجاوز المساحة المطلوبة (2 م² لكل طاولة)")));
    }
    return List.of();
  }
}
