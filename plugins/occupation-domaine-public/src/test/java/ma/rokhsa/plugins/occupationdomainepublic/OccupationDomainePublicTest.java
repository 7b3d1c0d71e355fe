package ma.rokhsa.plugins.occupationdomainepublic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ma.rokhsa.plugin.api.procedure.Fee;
import ma.rokhsa.plugin.api.procedure.FormValues;
import ma.rokhsa.plugin.api.procedure.ProcedureProvider;
import ma.rokhsa.plugin.api.procedure.Violation;
import ma.rokhsa.plugin.testkit.ExampleDossier;
import ma.rokhsa.plugin.testkit.ProcedureContract;
import ma.rokhsa.plugin.testkit.ProcedureRunner;
import org.junit.jupiter.api.Test;

class OccupationDomainePublicTest extends ProcedureContract {

  @Override
  protected ProcedureProvider provider() {
    return new OccupationDomainePublic();
  }

  @Override
  protected List<ExampleDossier> examples() {
    return ExampleDossier.read(getClass().getClassLoader(), "examples.yaml");
  }

  private final ProcedureRunner runner = ProcedureRunner.of(new OccupationDomainePublic());

  private FormValues example(String name) {
    return examples().stream()
        .filter(e -> e.name().equals(name))
        .findFirst()
        .orElseThrow()
        .values();
  }

  private static FormValues occupation(
      String kind, String surface, String months, String sidewalk, String occupied) {
    Map<String, Object> values = new HashMap<>();
    values.put("qualite", "personne_physique");
    values.put("nom_demandeur", "Rachid Berrada");
    values.put("cin", "AB123456");
    values.put("telephone", "0661000000");
    values.put("nature_occupation", kind);
    values.put("adresse_occupation", "Avenue Mohammed V, Safi");
    values.put("surface_m2", surface);
    values.put("duree_mois", months);
    values.put("date_debut", "2027-05-01");
    values.put("largeur_trottoir", sidewalk);
    values.put("largeur_occupee", occupied);
    values.put("reference_autorisation_activite", "AE-2026-0001");
    values.put("reference_permis_construire", "PC-2026-0001");
    values.put("objet_kiosque", "Fleurs");
    return FormValues.of(values);
  }

  @Test
  void theRedevanceIsRateTimesSurfaceTimesMonths() {
    Fee terrace = runner.fee(example("terrasse de café sur six mois à Agadir"));
    assertThat(terrace.total()).as("15 DH × 24.5 m² × 6 months").isEqualByComparingTo("2205.00");
    assertThat(terrace.items()).hasSize(1);
    assertThat(terrace.items().get(0).label().fr()).contains("terrasse");

    assertThat(runner.fee(example("échafaudage de chantier pendant quatre mois")).total())
        .as("5 DH × 30 m² × 4 months")
        .isEqualByComparingTo("600.00");
    assertThat(runner.fee(example("kiosque à journaux pour un an")).total())
        .as("20 DH × 6 m² × 12 months")
        .isEqualByComparingTo("1440.00");
    assertThat(runner.fee(occupation("etalage", "3.75", "5", "4", "1")).total())
        .as("10 DH × 3.75 m² × 5 months")
        .isEqualByComparingTo("187.50");
  }

  @Test
  void oneMonthCostsTheDeclaredMonthlyRate() {
    assertThat(runner.fee(occupation("terrasse", "10", "1", "5", "2")).total())
        .isEqualByComparingTo(
            runner.definition().fees().apply(occupation("terrasse", "10", "1", "5", "2")).total());
  }

  @Test
  void aPassageOfOneAndAHalfMetresStaysFreeExceptOnABuildingSite() {
    assertThat(runner.validate(occupation("terrasse", "10", "3", "4", "2.5"))).isEmpty();
    for (String kind : List.of("terrasse", "etalage", "kiosque")) {
      assertThat(runner.validate(occupation(kind, "10", "3", "4", "2.6")))
          .as(kind)
          .extracting(Violation::field)
          .containsExactly("largeur_occupee");
    }
    assertThat(runner.validate(occupation("echafaudage", "10", "3", "2", "2"))).isEmpty();
  }

  @Test
  void aTerraceOrADisplayNamesTheShopsAuthorization() {
    for (String kind : List.of("terrasse", "etalage")) {
      Map<String, Object> values = new HashMap<>(occupation(kind, "10", "3", "5", "2").values());
      values.remove("reference_autorisation_activite");
      assertThat(runner.validate(FormValues.of(values)))
          .as(kind)
          .extracting(Violation::field)
          .containsExactly("reference_autorisation_activite");
    }
    Map<String, Object> kiosk = new HashMap<>(occupation("kiosque", "6", "3", "5", "2").values());
    kiosk.remove("reference_autorisation_activite");
    assertThat(runner.validate(FormValues.of(kiosk))).isEmpty();
  }

  @Test
  void theRedevanceIsPaidBeforeTheAuthorizationIsSigned() {
    assertThat(runner.walk("accepter", "rendre-avis", "decider-favorable").id())
        .isEqualTo("attente-paiement");
    assertThat(runner.walk("accepter", "rendre-avis", "decider-favorable", "payer").id())
        .isEqualTo("attente-signature");
    assertThat(runner.walk("accepter", "rendre-avis", "decider-favorable", "payer", "signer").id())
        .isEqualTo("delivre");
    assertThat(runner.walk("accepter", "rendre-avis", "decider-favorable", "classer").id())
        .isEqualTo("desiste");
    assertThat(runner.walk("accepter", "rendre-avis", "decider-defavorable").id())
        .isEqualTo("refuse");
  }

  @Test
  void theAuthorizationStatesTheOccupation() {
    FormValues terrace = example("terrasse de café sur six mois à Agadir");
    assertThat(runner.render("fr", terrace))
        .contains("« terrasse »", "24.5 m²", "6 mois", "2027-04-01", "loi n° 57-19");
    assertThat(runner.render("ar", terrace)).contains("القانون رقم 57.19", "24.5 م²");
  }
}
