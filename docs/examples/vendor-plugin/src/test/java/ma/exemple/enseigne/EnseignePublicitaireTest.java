package ma.exemple.enseigne;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import ma.rokhsa.plugin.api.procedure.FormValues;
import ma.rokhsa.plugin.api.procedure.ProcedureProvider;
import ma.rokhsa.plugin.api.procedure.Violation;
import ma.rokhsa.plugin.testkit.ExampleDossier;
import ma.rokhsa.plugin.testkit.ProcedureContract;
import ma.rokhsa.plugin.testkit.ProcedureRunner;
import org.junit.jupiter.api.Test;

/**
 * The contract every procedure plugin passes (inherited from {@link ProcedureContract}, judged by
 * {@code examples.yaml}), and this procedure's own rules.
 */
class EnseignePublicitaireTest extends ProcedureContract {

  private final ProcedureRunner runner = ProcedureRunner.of(new EnseignePublicitaire());

  @Override
  protected ProcedureProvider provider() {
    return new EnseignePublicitaire();
  }

  @Override
  protected List<ExampleDossier> examples() {
    return ExampleDossier.read(getClass().getClassLoader(), "examples.yaml");
  }

  private static List<String> wrong(Map<String, Object> values) {
    return new EnseignePublicitaire()
        .check(FormValues.of(values)).stream().map(Violation::field).toList();
  }

  @Test
  void aProjectingSignLeavesHeadroomAndStaysClose() {
    assertThat(wrong(Map.of("pose", "drapeau", "hauteur_sol", "2.50", "saillie", "0.80")))
        .isEmpty();
    assertThat(wrong(Map.of("pose", "drapeau", "hauteur_sol", "2.49", "saillie", "0.81")))
        .containsExactly("hauteur_sol", "saillie");
    assertThat(wrong(Map.of("pose", "a_plat", "hauteur_sol", "0.50")))
        .as("a flat sign overhangs nothing")
        .isEmpty();
  }

  @Test
  void aLitSignPaysMore() {
    FormValues sign =
        FormValues.of(Map.of("surface_m2", "2", "hauteur_sol", "3", "lumineuse", "false"));
    FormValues lit =
        FormValues.of(Map.of("surface_m2", "2", "hauteur_sol", "3", "lumineuse", "true"));
    assertThat(runner.fee(sign).total()).isEqualByComparingTo("300.00");
    assertThat(runner.fee(lit).total()).isEqualByComparingTo("450.00");
  }

  @Test
  void aDossierGoesFromDepositToDelivery() {
    assertThat(runner.walk("accepter", "decider-favorable", "signer").id()).isEqualTo("delivre");
    assertThat(runner.walk("demander-complements", "se-desister").id()).isEqualTo("desiste");
    assertThat(runner.walk("accepter", "decider-defavorable").id()).isEqualTo("refuse");
  }
}
