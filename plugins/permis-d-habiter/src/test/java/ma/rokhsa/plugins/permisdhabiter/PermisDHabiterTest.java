package ma.rokhsa.plugins.permisdhabiter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import ma.rokhsa.plugin.api.PluginContext;
import ma.rokhsa.plugin.api.procedure.FormValues;
import ma.rokhsa.plugin.api.procedure.ProcedureProvider;
import ma.rokhsa.plugin.api.procedure.Violation;
import ma.rokhsa.plugin.api.procedure.Workflow;
import ma.rokhsa.plugin.testkit.ExampleDossier;
import ma.rokhsa.plugin.testkit.ProcedureContract;
import ma.rokhsa.plugin.testkit.ProcedureRunner;
import org.junit.jupiter.api.Test;

class PermisDHabiterTest extends ProcedureContract {

  @Override
  protected ProcedureProvider provider() {
    return at("2026-11-29T10:00:00Z");
  }

  @Override
  protected List<ExampleDossier> examples() {
    return ExampleDossier.read(getClass().getClassLoader(), "examples.yaml");
  }

  /** The platform's context on a clock that says {@code instant}. */
  private static PermisDHabiter at(String instant) {
    return new PermisDHabiter(
        PluginContext.of(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC)));
  }

  private final ProcedureRunner runner = ProcedureRunner.of(at("2026-11-29T10:00:00Z"));

  /**
   * 00:30 on 1 June 2026 in Casablanca (UTC+1), still 31 May in UTC: the day is judged on Moroccan
   * time, as the platform's context says. (The rules themselves are tested with the library that
   * holds them, rokhsa-completion-rules.)
   */
  @Test
  void theDatesAreJudgedOnThePlatformsLegalDay() {
    PermisDHabiter onFirstOfJune = at("2026-05-31T23:30:00Z");
    FormValues completedOnFirstOfJune =
        FormValues.of(
            Map.of("date_permis_construire", "2025-01-10", "date_achevement", "2026-06-01"));
    assertThat(onFirstOfJune.check(completedOnFirstOfJune)).isEmpty();
    assertThat(at("2026-05-31T22:30:00Z").check(completedOnFirstOfJune))
        .extracting(Violation::field)
        .containsExactly("date_achevement");
  }

  @Test
  void aLotisseursBuildingWaitsForTheProvisionalReception() {
    FormValues notYet =
        FormValues.of(
            Map.of(
                "construit_par_lotisseur", "true",
                "date_reception_provisoire", "2026-06-15"));
    assertThat(at("2026-05-31T23:30:00Z").check(notYet))
        .extracting(v -> v.field() + ": " + v.message().fr())
        .containsExactly(
            "date_reception_provisoire: le permis d'habiter ne peut être délivré avant la réception provisoire du lotissement");
  }

  @Test
  void theUsualPathFitsInTheLegalMonthAndSilenceIsNoPermit() {
    Workflow workflow = runner.definition().workflow();
    int days =
        List.of("depose", "recolement", "decision", "attente-signature").stream()
            .mapToInt(id -> workflow.state(id).orElseThrow().deadlineWorkingDays().orElseThrow())
            .sum();
    assertThat(days).as("one month, in working days").isEqualTo(22);
    assertThat(workflow.states()).noneMatch(Workflow.State::silenceMeansAcceptance);
  }

  @Test
  void thePermitIsFree() {
    assertThat(runner.fee(examples().get(0).values()).total()).isEqualByComparingTo("0");
    assertThat(runner.fee(examples().get(1).values()).items()).isEmpty();
  }

  @Test
  void reservesGoBackToTheCommissionBeforeTheDecision() {
    assertThat(
            runner
                .walk(
                    "accepter",
                    "emettre-reserves",
                    "lever-reserves",
                    "consolider-avis",
                    "decider-favorable",
                    "signer")
                .id())
        .isEqualTo("delivre");
    assertThat(runner.walk("accepter", "consolider-avis", "decider-favorable").id())
        .isEqualTo("attente-signature");
    assertThat(runner.walk("accepter", "emettre-reserves", "se-desister").id())
        .isEqualTo("desiste");
  }
}
