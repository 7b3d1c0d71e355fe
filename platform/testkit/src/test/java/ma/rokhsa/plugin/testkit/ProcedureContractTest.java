package ma.rokhsa.plugin.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import ma.rokhsa.plugin.api.LocalizedText;
import ma.rokhsa.plugin.api.procedure.AuthorizationTemplate;
import ma.rokhsa.plugin.api.procedure.DefinitionLoader;
import ma.rokhsa.plugin.api.procedure.Fee;
import ma.rokhsa.plugin.api.procedure.FeeSchedule;
import ma.rokhsa.plugin.api.procedure.FormValues;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;
import ma.rokhsa.plugin.api.procedure.ProcedureProvider;
import ma.rokhsa.plugin.api.procedure.Violation;
import ma.rokhsa.plugin.api.procedure.Workflow;
import ma.rokhsa.plugin.testkit.sample.OccupationDomainePublic;
import org.junit.jupiter.api.Test;

/**
 * Each check of the contract fails on a procedure broken in the way it guards against. The checks
 * are called as plain methods; the sample procedure, unbroken, passes them all (see {@code
 * OccupationDomainePublicTest}).
 */
class ProcedureContractTest {

  private static final List<ExampleDossier> EXAMPLES =
      ExampleDossier.read(ProcedureContractTest.class.getClassLoader(), "sample/examples.yaml");

  private static final Map<String, Object> TERRASSE = EXAMPLES.get(0).values().values();

  @Test
  void theSampleProcedurePassesEveryCheck() {
    ProcedureContract contract = contract(new OccupationDomainePublic(), EXAMPLES);

    assertThatCode(
            () -> {
              contract.definitionLoads();
              contract.examplesAreJudgedAsDeclared();
              contract.workflowIsSound();
              contract.feesAreComputedForValidExamples();
              contract.templateRendersInBothLanguages();
              contract.textsAreInBothLanguages();
            })
        .doesNotThrowAnyException();
  }

  @Test
  void aDefinitionThatDoesNotLoadFailsWithEachProblem() {
    ProcedureContract contract =
        contract(
            new OccupationDomainePublic() {
              @Override
              public ProcedureDefinition definition(DefinitionLoader loader) {
                return loader.load("broken/procedure.yaml");
              }
            },
            EXAMPLES);

    assertThatThrownBy(contract::definitionLoads)
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """
            the definition does not load:
              broken/procedure.yaml:3: 'version' must be MAJOR.MINOR.PATCH (1.0.0), not '1.0'
              broken/procedure.yaml:4: 'name' needs a text in both languages, French (fr) and\
             Arabic (ar): 'ar' missing""");
    assertThatThrownBy(contract::examplesAreJudgedAsDeclared)
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("the definition does not load");
  }

  @Test
  void aValidExampleThatIsRefusedFails() {
    ProcedureContract contract =
        contract(
            new OccupationDomainePublic(),
            List.of(ExampleDossier.valid("terrasse sans surface", without(TERRASSE, "surface"))));

    assertThatThrownBy(contract::examplesAreJudgedAsDeclared)
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """
            examples:
              example 'terrasse sans surface' is declared valid, but has surface (obligatoire)""");
  }

  @Test
  void anInvalidExampleThatIsAcceptedOrRefusedElsewhereFails() {
    ProcedureContract contract =
        contract(
            new OccupationDomainePublic(),
            List.of(
                ExampleDossier.valid("terrasse", TERRASSE),
                ExampleDossier.invalid("terrasse déclarée invalide", TERRASSE),
                ExampleDossier.invalid(
                    "surface manquante", without(TERRASSE, "registre_commerce"), "surface")));

    assertThatThrownBy(contract::examplesAreJudgedAsDeclared)
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """
            examples:
              example 'terrasse déclarée invalide' is declared invalid, but has no violation
              example 'surface manquante' should be wrong in [surface], but has registre_commerce\
             (obligatoire)""");
  }

  @Test
  void examplesWithoutAValidDossierFail() {
    ProcedureContract contract =
        contract(new OccupationDomainePublic(), EXAMPLES.subList(2, EXAMPLES.size()));

    assertThatThrownBy(contract::examplesAreJudgedAsDeclared)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no valid example");
  }

  @Test
  void aCheckThatThrowsFails() {
    ProcedureContract contract =
        contract(
            new OccupationDomainePublic() {
              @Override
              public List<Violation> check(FormValues values) {
                throw new IllegalStateException("table des tarifs introuvable");
              }
            },
            EXAMPLES.subList(0, 1));

    assertThatThrownBy(contract::examplesAreJudgedAsDeclared)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "example 'terrasse de café': checking it threw java.lang.IllegalStateException: table"
                + " des tarifs introuvable");
  }

  @Test
  void anUnsoundWorkflowFails() {
    ProcedureContract contract =
        contract(
            altered(
                definition -> {
                  Workflow workflow = definition.workflow();
                  List<Workflow.State> states = new ArrayList<>(workflow.states());
                  states.add(
                      new Workflow.State(
                          "archive",
                          LocalizedText.of("Archivé", "مؤرشف"),
                          false,
                          Optional.empty(),
                          false));
                  return copy(
                      definition,
                      definition.name(),
                      new Workflow(
                          workflow.initial(),
                          states,
                          workflow.transitions(),
                          workflow.consultedBodies()),
                      definition.fees(),
                      definition.template());
                }),
            EXAMPLES);

    assertThatThrownBy(contract::workflowIsSound)
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """
            the workflow:
              state archive cannot be reached from depose
              state archive is not terminal but has no way out
              state archive has no legal deadline""");
  }

  @Test
  void aFeeThatCannotBeComputedFails() {
    ProcedureContract contract =
        contract(
            new OccupationDomainePublic() {
              @Override
              public Fee fee(FormValues values, FeeSchedule schedule) {
                throw new ArithmeticException("Division by zero");
              }
            },
            EXAMPLES);

    assertThatThrownBy(contract::feesAreComputedForValidExamples)
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """
            fees:
              example 'terrasse de café': computing the fee threw java.lang.ArithmeticException:\
             Division by zero
              example 'restaurant sans installation': computing the fee threw\
             java.lang.ArithmeticException: Division by zero""");
  }

  @Test
  void aNegativeFeeFails() {
    ProcedureContract contract =
        contract(
            new OccupationDomainePublic() {
              @Override
              public Fee fee(FormValues values, FeeSchedule schedule) {
                return new Fee(
                    List.of(
                        new Fee.Item(LocalizedText.of("Remise", "تخفيض"), new BigDecimal("-50"))));
              }
            },
            EXAMPLES.subList(0, 1));

    assertThatThrownBy(contract::feesAreComputedForValidExamples)
        .isInstanceOf(AssertionError.class)
        .hasMessage("fees:\n  example 'terrasse de café': the fee is negative: -50");
  }

  @Test
  void aPlaceholderWithoutAValueFailsWithItsName() {
    ProcedureContract contract =
        contract(
            altered(
                definition ->
                    copy(
                        definition,
                        definition.name(),
                        definition.workflow(),
                        definition.fees(),
                        new AuthorizationTemplate(
                            "Autorisation {{reference}} pour l'enseigne {{enseigne}}",
                            "رخصة {{reference}} للافتة {{enseigne}}"))),
            EXAMPLES);

    assertThatThrownBy(contract::templateRendersInBothLanguages)
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """
            the authorization's template:
              example 'terrasse de café', French: no value for {{enseigne}}
              example 'terrasse de café', Arabic: no value for {{enseigne}}""");
  }

  @Test
  void aTextNotWrittenInBothLanguagesFails() {
    ProcedureContract contract =
        contract(
            altered(
                definition ->
                    copy(
                        definition,
                        LocalizedText.of(
                            "Occupation du domaine public", "Occupation du domaine public"),
                        definition.workflow(),
                        new FeeSchedule(
                            List.of(
                                new FeeSchedule.Line(
                                    LocalizedText.of("رسم", "رسم"),
                                    BigDecimal.TEN,
                                    Optional.empty(),
                                    BigDecimal.ZERO,
                                    Optional.empty()))),
                        new AuthorizationTemplate(
                            "Autorisation {{reference}}", "Autorisation {{reference}}"))),
            EXAMPLES);

    assertThatThrownBy(contract::textsAreInBothLanguages)
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """
            texts:
              name: the Arabic text has no Arabic letter: Occupation du domaine public
              fee line 1: the French text has no Latin letter: رسم
              template: the Arabic text has no Arabic letter""");
  }

  private static ProcedureContract contract(
      ProcedureProvider provider, List<ExampleDossier> examples) {
    return new ProcedureContract() {
      @Override
      protected ProcedureProvider provider() {
        return provider;
      }

      @Override
      protected List<ExampleDossier> examples() {
        return examples;
      }
    };
  }

  /** The sample procedure, its definition changed in code after it is read. */
  private static ProcedureProvider altered(UnaryOperator<ProcedureDefinition> change) {
    return new OccupationDomainePublic() {
      @Override
      public ProcedureDefinition definition(DefinitionLoader loader) {
        return change.apply(super.definition(loader));
      }
    };
  }

  private static ProcedureDefinition copy(
      ProcedureDefinition definition,
      LocalizedText name,
      Workflow workflow,
      FeeSchedule fees,
      AuthorizationTemplate template) {
    return new ProcedureDefinition(
        definition.id(),
        definition.version(),
        name,
        definition.tenantKinds(),
        definition.form(),
        definition.documents(),
        workflow,
        fees,
        template);
  }

  private static Map<String, Object> without(Map<String, Object> values, String field) {
    Map<String, Object> changed = new java.util.HashMap<>(values);
    changed.remove(field);
    return changed;
  }
}
