package ma.rokhsa.plugins.certificatdeconformite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ma.rokhsa.plugin.api.procedure.DocumentRequirement;
import ma.rokhsa.plugin.api.procedure.FormValues;
import ma.rokhsa.plugin.api.procedure.ProcedureProvider;
import ma.rokhsa.plugin.api.procedure.Violation;
import ma.rokhsa.plugin.api.procedure.Workflow;
import ma.rokhsa.plugin.testkit.ExampleDossier;
import ma.rokhsa.plugin.testkit.ProcedureContract;
import ma.rokhsa.plugin.testkit.ProcedureRunner;
import org.junit.jupiter.api.Test;

class CertificatDeConformiteTest extends ProcedureContract {

  @Override
  protected ProcedureProvider provider() {
    return new CertificatDeConformite();
  }

  @Override
  protected List<ExampleDossier> examples() {
    return ExampleDossier.read(getClass().getClassLoader(), "examples.yaml");
  }

  private final ProcedureRunner runner = ProcedureRunner.of(new CertificatDeConformite());

  /**
   * 00:30 on 1 June 2026 in Casablanca (UTC+1), still 31 May in UTC: the day is judged on Moroccan
   * time.
   */
  private static final CertificatDeConformite ON_FIRST_OF_JUNE =
      new CertificatDeConformite(
          Clock.fixed(Instant.parse("2026-05-31T23:30:00Z"), CertificatDeConformite.MOROCCO));

  private static FormValues dates(String... fieldsAndDates) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < fieldsAndDates.length; i += 2) {
      values.put(fieldsAndDates[i], fieldsAndDates[i + 1]);
    }
    return FormValues.of(values);
  }

  private static List<String> wrong(CertificatDeConformite provider, FormValues values) {
    return provider.check(values).stream().map(Violation::field).toList();
  }

  @Test
  void worksCanBeDeclaredCompletedTodayButNotTomorrow() {
    assertThat(
            wrong(
                ON_FIRST_OF_JUNE,
                dates("date_permis_construire", "2025-01-10", "date_achevement", "2026-06-01")))
        .isEmpty();
    assertThat(
            wrong(
                ON_FIRST_OF_JUNE,
                dates("date_permis_construire", "2025-01-10", "date_achevement", "2026-06-02")))
        .containsExactly("date_achevement");
  }

  @Test
  void worksCannotBeCompletedBeforeTheBuildingPermit() {
    assertThat(
            wrong(
                ON_FIRST_OF_JUNE,
                dates("date_permis_construire", "2025-01-10", "date_achevement", "2025-01-09")))
        .containsExactly("date_achevement");
    assertThat(
            wrong(
                ON_FIRST_OF_JUNE,
                dates("date_permis_construire", "2025-01-10", "date_achevement", "2025-01-10")))
        .as("completed the day the building permit was delivered")
        .isEmpty();
  }

  @Test
  void aBuildingPermitFromTheFutureIsRefused() {
    assertThat(
            wrong(
                ON_FIRST_OF_JUNE,
                dates("date_permis_construire", "2026-07-01", "date_achevement", "2026-05-01")))
        .containsExactly("date_permis_construire", "date_achevement");
  }

  @Test
  void aLotisseursBuildingWaitsForTheProvisionalReception() {
    FormValues notYet =
        FormValues.of(
            Map.of(
                "construit_par_lotisseur", "true",
                "date_reception_provisoire", "2026-06-15"));
    FormValues held =
        FormValues.of(
            Map.of(
                "construit_par_lotisseur", "true",
                "date_reception_provisoire", "2026-05-15"));
    FormValues notALotisseur =
        FormValues.of(
            Map.of(
                "construit_par_lotisseur", "false",
                "date_reception_provisoire", "2026-06-15"));

    assertThat(wrong(ON_FIRST_OF_JUNE, notYet)).containsExactly("date_reception_provisoire");
    assertThat(wrong(ON_FIRST_OF_JUNE, held)).isEmpty();
    assertThat(wrong(ON_FIRST_OF_JUNE, notALotisseur)).isEmpty();
  }

  @Test
  void theUsualPathFitsInTheLegalMonthAndSilenceIsNoCertificate() {
    Workflow workflow = runner.definition().workflow();
    int days =
        List.of("depose", "recolement", "decision", "attente-signature").stream()
            .mapToInt(id -> workflow.state(id).orElseThrow().deadlineWorkingDays().orElseThrow())
            .sum();
    assertThat(days).as("one month, in working days").isEqualTo(22);
    assertThat(workflow.states()).noneMatch(Workflow.State::silenceMeansAcceptance);
  }

  @Test
  void theCertificateIsFree() {
    assertThat(runner.fee(examples().get(0).values()).total()).isEqualByComparingTo("0");
    assertThat(runner.fee(examples().get(1).values()).items()).isEmpty();
  }

  @Test
  void onlyAnEstablishmentOpenToThePublicProvesItsFireSafety() {
    DocumentRequirement fireSafety =
        runner.definition().documents().stream()
            .filter(d -> d.id().equals("rapport-securite-incendie"))
            .findFirst()
            .orElseThrow();
    assertThat(fireSafety.required()).isTrue();
    assertThat(fireSafety.when().orElseThrow().holds(examples().get(0).values()))
        .as("the supermarket")
        .isTrue();
    assertThat(fireSafety.when().orElseThrow().holds(examples().get(1).values()))
        .as("the industrial units")
        .isFalse();
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
