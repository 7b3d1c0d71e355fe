package ma.rokhsa.plugins.activiteeconomique;

import static org.assertj.core.api.Assertions.assertThat;

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

class ActiviteEconomiqueTest extends ProcedureContract {

  @Override
  protected ProcedureProvider provider() {
    return new ActiviteEconomique();
  }

  @Override
  protected List<ExampleDossier> examples() {
    return ExampleDossier.read(getClass().getClassLoader(), "examples.yaml");
  }

  private final ProcedureRunner runner = ProcedureRunner.of(new ActiviteEconomique());

  private FormValues example(String name) {
    return examples().stream()
        .filter(e -> e.name().equals(name))
        .findFirst()
        .orElseThrow()
        .values();
  }

  private static FormValues shop(String activity, String food, String classified) {
    Map<String, Object> values = new HashMap<>();
    values.put("qualite", "personne_physique");
    values.put("nom_demandeur", "Rachid Berrada");
    values.put("cin", "AB123456");
    values.put("telephone", "0661000000");
    values.put("adresse_local", "12 rue Ibn Batouta, Safi");
    values.put("surface_local", "40");
    values.put("occupation_local", "locataire");
    values.put("activite", activity);
    values.put("denrees_alimentaires", food);
    values.put("etablissement_classe", classified);
    return FormValues.of(values);
  }

  @Test
  void classifiedActivitiesMustDeclareFoodAndClassification() {
    for (String activity : List.of("cafe", "restaurant", "boulangerie")) {
      assertThat(runner.validate(shop(activity, "true", "true"))).as(activity).isEmpty();
      assertThat(runner.validate(shop(activity, "false", "false")))
          .as(activity)
          .extracting(Violation::field)
          .containsExactly("denrees_alimentaires", "etablissement_classe");
    }
  }

  @Test
  void anEpicerieHandlesFoodButIsNotClassified() {
    assertThat(runner.validate(shop("epicerie", "true", "false"))).isEmpty();
    assertThat(runner.validate(shop("epicerie", "true", "true")))
        .extracting(Violation::field)
        .containsExactly("etablissement_classe");
  }

  @Test
  void aWorkshopOrAnotherShopIsAsDeclared() {
    for (String classified : List.of("true", "false")) {
      assertThat(runner.validate(shop("commerce_non_alimentaire", "false", classified))).isEmpty();
      Map<String, Object> workshop = new HashMap<>(shop("atelier", "false", classified).values());
      workshop.put("nature_atelier", "Mécanique automobile");
      assertThat(runner.validate(FormValues.of(workshop))).isEmpty();
    }
    assertThat(runner.validate(shop("commerce_non_alimentaire", "true", "false")))
        .extracting(Violation::field)
        .containsExactly("denrees_alimentaires");
    assertThat(runner.validate(shop("salon_coiffure", "false", "true")))
        .extracting(Violation::field)
        .containsExactly("etablissement_classe");
  }

  @Test
  void theHygieneAndFireSafetyDocumentsFollowTheFlags() {
    List<DocumentRequirement> documents = runner.definition().documents();
    DocumentRequirement hygiene =
        documents.stream().filter(d -> d.id().equals("attestation-hygiene")).findFirst().get();
    DocumentRequirement fire =
        documents.stream().filter(d -> d.id().equals("securite-incendie")).findFirst().get();
    FormValues cafe = example("café de quartier à Settat, exploité par une SARL");
    FormValues hairdresser = example("salon de coiffure d'une personne physique propriétaire");

    assertThat(hygiene.when().orElseThrow().holds(cafe)).isTrue();
    assertThat(fire.when().orElseThrow().holds(cafe)).isTrue();
    assertThat(hygiene.when().orElseThrow().holds(hairdresser)).isFalse();
    assertThat(fire.when().orElseThrow().holds(hairdresser)).isFalse();
  }

  @Test
  void theCommissionVisitsFoodAndClassifiedPremisesInFifteenWorkingDays() {
    Workflow.State instruction = runner.definition().workflow().state("instruction").orElseThrow();
    ActiviteEconomique provider = new ActiviteEconomique();

    assertThat(provider.deadline(instruction, shop("cafe", "true", "true"))).contains(15);
    assertThat(provider.deadline(instruction, shop("epicerie", "true", "false"))).contains(15);
    assertThat(provider.deadline(instruction, shop("atelier", "false", "true"))).contains(15);
    assertThat(provider.deadline(instruction, shop("salon_coiffure", "false", "false")))
        .contains(7);
    Workflow.State decision = runner.definition().workflow().state("decision").orElseThrow();
    assertThat(provider.deadline(decision, shop("cafe", "true", "true"))).contains(5);
  }

  @Test
  void theAuthorizationIsFree() {
    assertThat(runner.fee(example("café de quartier à Settat, exploité par une SARL")).items())
        .isEmpty();
  }

  @Test
  void aDossierGoesThroughTheCommissionToSignature() {
    assertThat(runner.walk("accepter", "rendre-avis", "decider-favorable").id())
        .isEqualTo("attente-signature");
    assertThat(runner.walk("accepter", "rendre-avis", "decider-favorable", "signer").id())
        .isEqualTo("delivre");
    assertThat(runner.walk("demander-complements", "se-desister").id()).isEqualTo("desiste");
    assertThat(runner.walk("accepter", "rendre-avis", "decider-defavorable").id())
        .isEqualTo("refuse");
  }

  @Test
  void theAuthorizationNamesTheActivityAndThePremises() {
    FormValues cafe = example("café de quartier à Settat, exploité par une SARL");
    assertThat(runner.render("fr", cafe)).contains("« cafe »", "14 avenue Hassan II, Settat");
    assertThat(runner.render("ar", cafe)).contains("المادة 100", "85 م²");
  }
}
