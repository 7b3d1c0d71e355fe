package ma.rokhsa.plugins.permisdeconstruire;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import ma.rokhsa.plugin.api.procedure.FormValues;
import ma.rokhsa.plugin.api.procedure.ProcedureProvider;
import ma.rokhsa.plugin.api.procedure.Workflow;
import ma.rokhsa.plugin.testkit.ExampleDossier;
import ma.rokhsa.plugin.testkit.ProcedureContract;
import ma.rokhsa.plugin.testkit.ProcedureRunner;
import org.junit.jupiter.api.Test;

class PermisDeConstruireTest extends ProcedureContract {

  @Override
  protected ProcedureProvider provider() {
    return new PermisDeConstruire();
  }

  @Override
  protected List<ExampleDossier> examples() {
    return ExampleDossier.read(getClass().getClassLoader(), "examples.yaml");
  }

  private final ProcedureRunner runner = ProcedureRunner.of(new PermisDeConstruire());

  @Test
  void smallProjectsAreInstructedInTenWorkingDaysLargeOnesInTwentyFive() {
    Workflow.State instruction = runner.definition().workflow().state("instruction").orElseThrow();
    FormValues house = examples().get(0).values();
    FormValues shop = examples().get(1).values();
    FormValues tower =
        FormValues.of(
            Map.of(
                "niveaux",
                List.of(
                    Map.of("surface_niveau", new BigDecimal("100")),
                    Map.of("surface_niveau", new BigDecimal("100")),
                    Map.of("surface_niveau", new BigDecimal("100")),
                    Map.of("surface_niveau", new BigDecimal("100")),
                    Map.of("surface_niveau", new BigDecimal("100")))));

    assertThat(new PermisDeConstruire().deadline(instruction, house)).contains(10);
    assertThat(new PermisDeConstruire().deadline(instruction, shop))
        .as("an establishment open to the public is a large project")
        .contains(25);
    assertThat(new PermisDeConstruire().deadline(instruction, tower))
        .as("five levels")
        .contains(25);
  }

  @Test
  void theConstructionTaxFollowsTheUse() {
    assertThat(runner.fee(examples().get(0).values()).total()).isEqualByComparingTo("2400.00");
    assertThat(runner.fee(examples().get(1).values()).total()).isEqualByComparingTo("6000.00");
  }

  @Test
  void aDossierGoesFromDepositToAwaitingSignature() {
    assertThat(runner.walk("accepter", "consolider-avis", "decider-favorable").id())
        .isEqualTo("attente-signature");
    assertThat(
            runner
                .walk(
                    "demander-complements",
                    "completer",
                    "accepter",
                    "consolider-avis",
                    "decider-defavorable")
                .id())
        .isEqualTo("refuse");
  }
}
