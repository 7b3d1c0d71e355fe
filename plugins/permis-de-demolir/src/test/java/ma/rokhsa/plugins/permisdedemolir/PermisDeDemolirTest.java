package ma.rokhsa.plugins.permisdedemolir;

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

class PermisDeDemolirTest extends ProcedureContract {

  @Override
  protected ProcedureProvider provider() {
    return new PermisDeDemolir();
  }

  @Override
  protected List<ExampleDossier> examples() {
    return ExampleDossier.read(getClass().getClassLoader(), "examples.yaml");
  }

  private final ProcedureRunner runner = ProcedureRunner.of(new PermisDeDemolir());

  private static List<String> wrong(Map<String, Object> values) {
    return new PermisDeDemolir()
        .check(FormValues.of(values)).stream().map(Violation::field).toList();
  }

  @Test
  void aStudyIsRequiredBeyondFourLevels() {
    assertThat(wrong(Map.of("nombre_niveaux", "4", "etude_demolition", "false"))).isEmpty();
    assertThat(wrong(Map.of("nombre_niveaux", "5", "etude_demolition", "false")))
        .containsExactly("etude_demolition");
    assertThat(wrong(Map.of("nombre_niveaux", "5", "etude_demolition", "true"))).isEmpty();
    assertThat(wrong(Map.of("nombre_niveaux", "2", "etude_demolition", "true")))
        .as("a study may always be given")
        .isEmpty();
  }

  @Test
  void aPartialDemolitionStaysWithinTheExistingFloorArea() {
    assertThat(
            wrong(
                Map.of(
                    "nature", "partielle", "surface_existante", "210", "surface_a_demolir", "210")))
        .isEmpty();
    assertThat(
            wrong(
                Map.of(
                    "nature",
                    "partielle",
                    "surface_existante",
                    "210",
                    "surface_a_demolir",
                    "210.5")))
        .containsExactly("surface_a_demolir");
    assertThat(
            wrong(
                Map.of("nature", "totale", "surface_existante", "210", "surface_a_demolir", "999")))
        .as("a total demolition has no surface to demolish")
        .isEmpty();
  }

  @Test
  void theUsualPathFitsInTheLegalMonthAndSilenceIsNoPermit() {
    Workflow workflow = runner.definition().workflow();
    int days =
        List.of("depose", "instruction", "decision", "attente-signature").stream()
            .mapToInt(id -> workflow.state(id).orElseThrow().deadlineWorkingDays().orElseThrow())
            .sum();
    assertThat(days).as("one month, in working days").isEqualTo(22);
    assertThat(workflow.states()).noneMatch(Workflow.State::silenceMeansAcceptance);
  }

  @Test
  void theHeritageServiceCanStopADemolition() {
    assertThat(runner.definition().workflow().consultedBodies())
        .filteredOn(Workflow.ConsultedBody::binding)
        .extracting(Workflow.ConsultedBody::id)
        .containsExactly("agence-urbaine", "protection-civile", "direction-culture");
  }

  @Test
  void thePermitIsFree() {
    assertThat(runner.fee(examples().get(1).values()).items()).isEmpty();
  }

  @Test
  void aDossierGoesFromDepositToDelivery() {
    assertThat(runner.walk("accepter", "consolider-avis", "decider-favorable", "signer").id())
        .isEqualTo("delivre");
    assertThat(runner.walk("demander-complements", "se-desister").id()).isEqualTo("desiste");
    assertThat(runner.walk("accepter", "consolider-avis", "decider-defavorable").id())
        .isEqualTo("refuse");
  }
}
