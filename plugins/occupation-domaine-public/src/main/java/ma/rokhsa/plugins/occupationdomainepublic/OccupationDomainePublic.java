package ma.rokhsa.plugins.occupationdomainepublic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ma.rokhsa.plugin.api.LocalizedText;
import ma.rokhsa.plugin.api.procedure.DefinitionLoader;
import ma.rokhsa.plugin.api.procedure.Fee;
import ma.rokhsa.plugin.api.procedure.FeeSchedule;
import ma.rokhsa.plugin.api.procedure.FormValues;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;
import ma.rokhsa.plugin.api.procedure.ProcedureProvider;
import ma.rokhsa.plugin.api.procedure.Violation;
import org.pf4j.Extension;

/**
 * Autorisation d'occupation temporaire du domaine public communal, without construction (loi 57-19
 * relative au régime des biens immobiliers des collectivités territoriales): café terrace, display
 * of goods, building-site scaffolding, kiosk.
 */
@Extension
public class OccupationDomainePublic implements ProcedureProvider {

  /** The field holding the duration of the occupation, in months. */
  static final String MONTHS = "duree_mois";

  /**
   * The width of sidewalk that must stay free for pedestrians, in metres. Set here at 1.50 m, the
   * passage communes' police regulations commonly keep; align it with the commune's arrêté.
   */
  static final BigDecimal MIN_FREE_PASSAGE_M = new BigDecimal("1.50");

  /** Occupations that stand on the sidewalk for the whole duration and must leave a passage. */
  static final Set<String> SIDEWALK_OCCUPATIONS = Set.of("terrasse", "etalage", "kiosque");

  /** Occupations accessory to a shop, which must itself hold an autorisation d'exercice. */
  static final Set<String> ACCESSORY_TO_A_SHOP = Set.of("terrasse", "etalage");

  @Override
  public ProcedureDefinition definition(DefinitionLoader loader) {
    return loader.load("procedure.yaml");
  }

  /**
   * The redevance d'occupation temporaire: rate per m² per month (by kind of occupation, from the
   * commune's arrêté fiscal) × surface × months. Computed here because a line of the definition's
   * schedule multiplies its rate by one field only ({@code per-unit-of}): the schedule's lines give
   * the monthly amount (rate × {@code surface_m2}), and this method multiplies each by {@code
   * duree_mois}. Every line of the schedule is therefore read as a monthly amount.
   */
  @Override
  public Fee fee(FormValues values, FeeSchedule schedule) {
    BigDecimal months = values.number(MONTHS).orElse(BigDecimal.ZERO);
    return new Fee(
        schedule.apply(values).items().stream()
            .map(
                monthly ->
                    new Fee.Item(
                        monthly.label(),
                        monthly.amount().multiply(months).setScale(2, RoundingMode.HALF_UP)))
            .toList());
  }

  /**
   * Two rules the format cannot state: one compares two fields, the other requires a field for two
   * kinds of occupation (a {@code when} names one value). A terrace, a display or a kiosk must
   * leave at least {@link #MIN_FREE_PASSAGE_M} of sidewalk to pedestrians (a building site
   * organises its own protected passage under its permit); a terrace or a display extends a shop,
   * so it gives the number of that shop's autorisation d'exercice.
   */
  @Override
  public List<Violation> check(FormValues values) {
    String kind = values.text("nature_occupation").orElse("");
    List<Violation> violations = new ArrayList<>();
    if (SIDEWALK_OCCUPATIONS.contains(kind)) {
      freePassage(values)
          .filter(free -> free.compareTo(MIN_FREE_PASSAGE_M) < 0)
          .ifPresent(
              free ->
                  violations.add(
                      new Violation(
                          "largeur_occupee",
                          LocalizedText.of(
                              "un passage d'au moins "
                                  + metres()
                                  + " m doit rester libre pour les piétons",
                              "يجب ترك ممر حر للراجلين لا يقل عرضه عن " + metres() + " م"))));
    }
    if (ACCESSORY_TO_A_SHOP.contains(kind) && !values.has("reference_autorisation_activite")) {
      violations.add(
          new Violation(
              "reference_autorisation_activite",
              LocalizedText.of(
                  "obligatoire pour une terrasse ou un étalage : le commerce doit être autorisé",
                  "إجباري بالنسبة للفضاء الخارجي أو عرض السلع: يجب أن يكون المحل مرخصا")));
    }
    return violations;
  }

  private static String metres() {
    return MIN_FREE_PASSAGE_M.toPlainString().replace('.', ',');
  }

  /** The width of sidewalk left to pedestrians, when both widths are given. */
  static Optional<BigDecimal> freePassage(FormValues values) {
    Optional<BigDecimal> sidewalk = values.number("largeur_trottoir");
    Optional<BigDecimal> occupied = values.number("largeur_occupee");
    return sidewalk.isPresent() && occupied.isPresent()
        ? Optional.of(sidewalk.get().subtract(occupied.get()))
        : Optional.empty();
  }
}
