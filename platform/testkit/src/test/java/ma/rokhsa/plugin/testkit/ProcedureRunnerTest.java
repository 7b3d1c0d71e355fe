package ma.rokhsa.plugin.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import ma.rokhsa.plugin.api.procedure.ActingRole;
import ma.rokhsa.plugin.api.procedure.DefinitionException;
import ma.rokhsa.plugin.api.procedure.DefinitionLoader;
import ma.rokhsa.plugin.api.procedure.FormValues;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;
import ma.rokhsa.plugin.api.procedure.ProcedureProvider;
import ma.rokhsa.plugin.api.procedure.Violation;
import ma.rokhsa.plugin.api.procedure.Workflow;
import ma.rokhsa.plugin.testkit.sample.OccupationDomainePublic;
import org.junit.jupiter.api.Test;

class ProcedureRunnerTest {

  private final ProcedureRunner runner = ProcedureRunner.of(new OccupationDomainePublic());

  private final FormValues terrasse =
      FormValues.of(
          Map.of(
              "raison_sociale", "Café Al Andalous",
              "registre_commerce", "45871",
              "activite", "cafe",
              "surface", "24.5",
              "duree_mois", "6",
              "debut", "2026-04-01",
              "installations", List.of(Map.of("type", "table", "nombre", "8"))));

  @Test
  void theDefinitionIsReadFromTheProvidersResources() {
    assertThat(runner.definition().id()).isEqualTo("occupation-domaine-public");
    assertThat(runner.provider()).isInstanceOf(OccupationDomainePublic.class);
  }

  @Test
  void valuesAreCheckedByTheFormAndThenByTheProvider() {
    assertThat(runner.validate(terrasse)).isEmpty();

    assertThat(runner.validate(with(terrasse, "surface", "0")))
        .extracting(Violation::field)
        .containsExactly("surface");
    assertThat(runner.validate(with(terrasse, "surface", "12")))
        .extracting(Violation::field)
        .containsExactly("installations");
  }

  @Test
  void theFeeIsComputedLineByLine() {
    assertThat(runner.fee(terrasse).total()).isEqualByComparingTo("590.00");
    assertThat(runner.fee(with(terrasse, "activite", "restaurant")).items())
        .extracting(item -> item.label().fr())
        .containsExactly("Frais de dossier", "Redevance d'occupation", "Contrôle d'hygiène");
  }

  @Test
  void transitionsAreListedForARole() {
    assertThat(runner.transitions("depose", ActingRole.GUICHET_AGENT))
        .extracting(Workflow.Transition::action)
        .containsExactly("accepter", "demander-complements");
    assertThat(runner.transitions("depose", ActingRole.APPLICANT)).isEmpty();
    assertThat(runner.transitions("complements", ActingRole.SYSTEM))
        .extracting(Workflow.Transition::to)
        .containsExactly("abandonne");
    assertThatThrownBy(() -> runner.transitions("archive", ActingRole.SYSTEM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the workflow has no state 'archive'");
  }

  @Test
  void aPathOfActionsReachesAState() {
    Workflow.State reached = runner.walk("accepter", "autoriser");
    assertThat(reached.id()).isEqualTo("autorise");
    assertThat(reached.terminal()).isTrue();

    assertThat(runner.walk("demander-complements", "completer", "accepter").id())
        .isEqualTo("instruction");
    assertThat(runner.walk("complements", List.of("expirer")).id()).isEqualTo("abandonne");
    assertThatThrownBy(() -> runner.walk("accepter", "completer"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "action 'completer' is not possible from state 'instruction' (possible: autoriser,"
                + " refuser)");
  }

  @Test
  void theAuthorizationRendersInBothLanguages() {
    PlatformValues platform =
        new PlatformValues(
            "ODP-2026-000007", "Youssef Alami", "Chefchaouen", LocalDate.of(2026, 3, 2));

    assertThat(runner.render("fr", terrasse, platform))
        .isEqualTo(
            """
            Le président du conseil de la commune de Chefchaouen autorise Café Al Andalous
            (registre de commerce n° 45871), à la demande de Youssef Alami,
            à occuper 24.5 m² du domaine public communal pendant 6 mois à compter du 2026-04-01.
            Autorisation n° ODP-2026-000007 du 2026-03-02.""");
    assertThat(runner.render("ar", terrasse))
        .contains("رخصة رقم RKH-2026-000001 بتاريخ 2026-11-29");
    assertThatThrownBy(() -> runner.render("fr", with(terrasse, "surface", "")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no value for {{surface}}");
  }

  @Test
  void aDefinitionThatDoesNotLoadIsReportedWithItsProblems() {
    ProcedureProvider broken =
        new OccupationDomainePublic() {
          @Override
          public ProcedureDefinition definition(DefinitionLoader loader) {
            return loader.load("broken/procedure.yaml");
          }
        };

    assertThatThrownBy(() -> ProcedureRunner.of(broken))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("broken/procedure.yaml:3: 'version' must be MAJOR.MINOR.PATCH");
  }

  private static FormValues with(FormValues values, String field, Object value) {
    Map<String, Object> changed = new java.util.HashMap<>(values.values());
    changed.put(field, value);
    return FormValues.of(changed);
  }
}
