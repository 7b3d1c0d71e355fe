package ma.exemple.tournage;

import java.util.List;
import ma.rokhsa.plugin.api.LocalizedText;
import ma.rokhsa.plugin.api.procedure.DefinitionLoader;
import ma.rokhsa.plugin.api.procedure.FormValues;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;
import ma.rokhsa.plugin.api.procedure.ProcedureProvider;
import ma.rokhsa.plugin.api.procedure.Violation;
import org.pf4j.Extension;

/**
 * Autorisation de tournage. Everything is data ({@code tournage/procedure.yaml}) but one rule the
 * format cannot state, since it compares two fields: filming ends on or after the day it starts.
 */
@Extension
public class AutorisationDeTournage implements ProcedureProvider {

  @Override
  public ProcedureDefinition definition(DefinitionLoader loader) {
    return loader.load("tournage/procedure.yaml");
  }

  @Override
  public List<Violation> check(FormValues values) {
    boolean backwards =
        values.date("premier_jour").isPresent()
            && values.date("dernier_jour").isPresent()
            && values.date("dernier_jour").get().isBefore(values.date("premier_jour").get());
    return backwards
        ? List.of(
            new Violation(
                "dernier_jour",
                LocalizedText.of(
                    "le dernier jour de tournage suit le premier",
                    "يجب أن يكون آخر يوم تصوير بعد أول يوم")))
        : List.of();
  }
}
