package ma.rokhsa.plugins.activiteeconomique;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ma.rokhsa.plugin.api.LocalizedText;
import ma.rokhsa.plugin.api.procedure.DefinitionLoader;
import ma.rokhsa.plugin.api.procedure.FormValues;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;
import ma.rokhsa.plugin.api.procedure.ProcedureProvider;
import ma.rokhsa.plugin.api.procedure.Violation;
import ma.rokhsa.plugin.api.procedure.Workflow;
import org.pf4j.Extension;

/**
 * Autorisation d'exercice d'une activité économique, delivered by the president of the communal
 * council (loi organique 113-14 relative aux communes, art. 100).
 *
 * <p>The classified activities — café, restaurant, boulangerie — need the avis of the bureau
 * communal d'hygiène and of the protection civile, and the documents those bodies check (hygiene
 * attestation, fire-safety attestation). A {@code when} of the definition compares one field with
 * one value, so a document asked of several activities hangs on a yes/no field of the form ({@code
 * denrees_alimentaires}, {@code etablissement_classe}); {@link #check} keeps those answers
 * consistent with the activity, so that no café escapes the hygiene and civil-protection file.
 */
@Extension
public class ActiviteEconomique implements ProcedureProvider {

  static final String INSTRUCTION = "instruction";

  /** Instruction when the commission visits the premises (hygiene or civil protection). */
  static final int VISIT_DAYS = 15;

  /** Instruction on the documents alone, for the other activities. */
  static final int DESK_DAYS = 7;

  /** Classified activities: food prepared or served on the premises, ovens, crowds. */
  static final Set<String> CLASSIFIED = Set.of("cafe", "restaurant", "boulangerie");

  /** Food sold without being prepared on the premises: hygiene, but not a classified one. */
  static final Set<String> FOOD_ONLY = Set.of("epicerie");

  /** Neither food nor classified. */
  static final Set<String> ORDINARY = Set.of("pharmacie", "salon_coiffure");

  /**
   * No food; classified or not according to what is stored or made (dahir of 1914 nomenclature).
   */
  static final Set<String> NON_FOOD = Set.of("commerce_non_alimentaire");

  @Override
  public ProcedureDefinition definition(DefinitionLoader loader) {
    return loader.load("procedure.yaml");
  }

  /**
   * The two yes/no answers must match the activity: a café, restaurant or boulangerie handles food
   * and is classified; an épicerie handles food and is not classified; a pharmacy or a hairdresser
   * is neither; a non-food shop handles no food. Whether a workshop or a non-food shop is
   * classified depends on what it makes or stores: the applicant declares it and the commission
   * checks it on the spot.
   */
  @Override
  public List<Violation> check(FormValues values) {
    String activity = values.text("activite").orElse("");
    Optional<Boolean> food = values.bool("denrees_alimentaires");
    Optional<Boolean> classified = values.bool("etablissement_classe");
    List<Violation> violations = new ArrayList<>();
    if (CLASSIFIED.contains(activity)) {
      expect(food, true, "denrees_alimentaires", FOOD_EXPECTED).ifPresent(violations::add);
      expect(classified, true, "etablissement_classe", CLASSIFIED_EXPECTED)
          .ifPresent(violations::add);
    } else if (FOOD_ONLY.contains(activity)) {
      expect(food, true, "denrees_alimentaires", FOOD_EXPECTED).ifPresent(violations::add);
      expect(classified, false, "etablissement_classe", NOT_CLASSIFIED_EXPECTED)
          .ifPresent(violations::add);
    } else if (ORDINARY.contains(activity)) {
      expect(food, false, "denrees_alimentaires", NO_FOOD_EXPECTED).ifPresent(violations::add);
      expect(classified, false, "etablissement_classe", NOT_CLASSIFIED_EXPECTED)
          .ifPresent(violations::add);
    } else if (NON_FOOD.contains(activity)) {
      expect(food, false, "denrees_alimentaires", NO_FOOD_EXPECTED).ifPresent(violations::add);
    }
    return violations;
  }

  /**
   * Instruction takes {@value #VISIT_DAYS} working days when the commission visits the premises —
   * the hygiene office for any food, the protection civile for a classified establishment — and
   * {@value #DESK_DAYS} when the police administrative and the local authority decide on the
   * documents. A per-dossier deadline needs code; the definition declares the longer one.
   */
  @Override
  public Optional<Integer> deadline(Workflow.State state, FormValues values) {
    if (INSTRUCTION.equals(state.id())) {
      return Optional.of(needsSiteVisit(values) ? VISIT_DAYS : DESK_DAYS);
    }
    return state.deadlineWorkingDays();
  }

  /** Whether the bureau communal d'hygiène or the protection civile must see the premises. */
  static boolean needsSiteVisit(FormValues values) {
    return values.bool("denrees_alimentaires").orElse(false)
        || values.bool("etablissement_classe").orElse(false);
  }

  private static Optional<Violation> expect(
      Optional<Boolean> answer, boolean expected, String field, LocalizedText message) {
    return answer.isPresent() && answer.get() != expected
        ? Optional.of(new Violation(field, message))
        : Optional.empty();
  }

  private static final LocalizedText FOOD_EXPECTED =
      LocalizedText.of(
          "cette activité porte sur des denrées alimentaires : l'attestation d'hygiène est requise",
          "هذا النشاط يتعلق بالمواد الغذائية: شهادة حفظ الصحة مطلوبة");

  private static final LocalizedText NO_FOOD_EXPECTED =
      LocalizedText.of(
          "cette activité ne porte pas sur des denrées alimentaires",
          "هذا النشاط لا يتعلق بالمواد الغذائية");

  private static final LocalizedText CLASSIFIED_EXPECTED =
      LocalizedText.of(
          "cette activité est classée : l'avis de l'hygiène et de la protection civile est requis",
          "هذا النشاط مصنف: رأي مكتب حفظ الصحة والوقاية المدنية مطلوب");

  private static final LocalizedText NOT_CLASSIFIED_EXPECTED =
      LocalizedText.of(
          "cette activité n'est pas un établissement classé", "هذا النشاط ليس مؤسسة مصنفة");
}
