package ma.exemple.tournage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import ma.rokhsa.plugin.api.procedure.FormValues;
import ma.rokhsa.plugin.api.procedure.ProcedureProvider;
import ma.rokhsa.plugin.api.procedure.Violation;
import ma.rokhsa.plugin.api.procedure.Workflow;
import ma.rokhsa.plugin.testkit.ExampleDossier;
import ma.rokhsa.plugin.testkit.ProcedureContract;
import ma.rokhsa.plugin.testkit.ProcedureRunner;
import org.junit.jupiter.api.Test;

/**
 * The contract every procedure plugin passes (judged by {@code tournage/examples.yaml}), and what
 * this procedure's format features do: the police consulted only when a road is closed, a fee per
 * day and per place, and an authorization listing the places by their labels.
 */
class AutorisationDeTournageTest extends ProcedureContract {

  private final ProcedureRunner runner = ProcedureRunner.of(new AutorisationDeTournage());

  @Override
  protected ProcedureProvider provider() {
    return new AutorisationDeTournage();
  }

  @Override
  protected List<ExampleDossier> examples() {
    return ExampleDossier.read(getClass().getClassLoader(), "tournage/examples.yaml");
  }

  private FormValues example(String name) {
    return examples().stream()
        .filter(e -> e.name().equals(name))
        .findFirst()
        .orElseThrow()
        .values();
  }

  @Test
  void thePoliceAreConsultedOnlyWhenARoadIsClosed() {
    assertThat(runner.consultedBodies(example("série tournée trois jours en deux lieux, rue fermée")))
        .extracting(Workflow.ConsultedBody::id)
        .containsExactly("autorite-locale", "surete-nationale");
    assertThat(runner.consultedBodies(example("publicité d'un jour dans un jardin, sans fermeture")))
        .extracting(Workflow.ConsultedBody::id)
        .containsExactly("autorite-locale");
  }

  @Test
  void theFeeCountsTheDaysBothIncludedAndThePlaces() {
    // 200 + 3 days × 1000 + 2 places × 300 + 500 for the closed road
    assertThat(runner.fee(example("série tournée trois jours en deux lieux, rue fermée")).total())
        .isEqualByComparingTo("4300.00");
    // 200 + 1 day × 1000 + 1 place × 300
    assertThat(runner.fee(example("publicité d'un jour dans un jardin, sans fermeture")).total())
        .isEqualByComparingTo("1500.00");
  }

  @Test
  void theAuthorizationNamesTheGenreAndListsThePlacesInEachLanguage() {
    FormValues serie = example("série tournée trois jours en deux lieux, rue fermée");
    assertThat(runner.render("fr", serie))
        .contains("« Les jardins de Casablanca » (série)")
        .contains(
            "aux lieux suivants :\n"
                + "- Rue Tahar Sebti, Casablanca (rue)\n"
                + "- Place Mohammed V, Casablanca (place publique)\n\n");
    assertThat(runner.render("ar", serie))
        .contains("(مسلسل)")
        .contains("- Place Mohammed V, Casablanca (ساحة عمومية)\n");
  }

  @Test
  void filmingEndsOnOrAfterItsFirstDay() {
    assertThat(
            new AutorisationDeTournage()
                .check(
                    FormValues.of(
                        Map.of("premier_jour", "2026-12-20", "dernier_jour", "2026-12-19"))))
        .extracting(Violation::field)
        .containsExactly("dernier_jour");
    assertThat(
            new AutorisationDeTournage()
                .check(
                    FormValues.of(
                        Map.of("premier_jour", "2026-12-20", "dernier_jour", "2026-12-20"))))
        .isEmpty();
  }
}
