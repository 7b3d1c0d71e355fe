package ma.rokhsa.plugin.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import ma.rokhsa.plugin.api.LocalizedText;
import ma.rokhsa.plugin.api.procedure.AuthorizationTemplate;
import ma.rokhsa.plugin.api.procedure.DefinitionException;
import ma.rokhsa.plugin.api.procedure.DocumentRequirement;
import ma.rokhsa.plugin.api.procedure.Fee;
import ma.rokhsa.plugin.api.procedure.FeeSchedule;
import ma.rokhsa.plugin.api.procedure.Field;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;
import ma.rokhsa.plugin.api.procedure.ProcedureProvider;
import ma.rokhsa.plugin.api.procedure.Section;
import ma.rokhsa.plugin.api.procedure.Violation;
import ma.rokhsa.plugin.api.procedure.Workflow;
import org.junit.jupiter.api.Test;

/**
 * What every procedure plugin must satisfy, as JUnit tests: extend this class in the plugin's own
 * tests and say which provider and which example dossiers to judge.
 *
 * <pre>{@code
 * class PermisDeConstruireTest extends ProcedureContract {
 *   protected ProcedureProvider provider() { return new PermisDeConstruire(); }
 *   protected List<ExampleDossier> examples() {
 *     return ExampleDossier.read(getClass().getClassLoader(), "examples.yaml");
 *   }
 * }
 * }</pre>
 *
 * <p>The definition is read as the platform reads it (the platform's reader, over the provider's
 * class loader). Each check reports every failure it finds, not only the first, as one {@link
 * AssertionError}; each is a public method that a test may also call alone.
 */
public abstract class ProcedureContract {

  private ProcedureRunner runner;

  /** The procedure under test, as the platform would create it. */
  protected abstract ProcedureProvider provider();

  /**
   * Dossiers to judge the procedure by: at least one it must accept, and preferably one for each
   * rule it must enforce. {@link ExampleDossier#read} reads them from an {@code examples.yaml}.
   */
  protected abstract List<ExampleDossier> examples();

  /** The platform's own template values; override to render with others. */
  protected PlatformValues platformValues() {
    return PlatformValues.sample();
  }

  /** The runner over {@link #provider()}; its definition is read once per test. */
  protected final ProcedureRunner runner() {
    if (runner == null) {
      try {
        runner = ProcedureRunner.of(provider());
      } catch (DefinitionException e) {
        throw new AssertionError(
            "the definition does not load:\n  " + String.join("\n  ", e.problems()), e);
      } catch (RuntimeException e) {
        throw new AssertionError("the definition does not load: " + e, e);
      }
    }
    return runner;
  }

  /** The definition is read without a problem by the platform's reader. */
  @Test
  public void definitionLoads() {
    runner();
  }

  /**
   * Each valid example has no violation, each invalid one has at least one (exactly in the fields
   * it names, if it names any), by the form's rules and then the provider's {@code check}.
   */
  @Test
  public void examplesAreJudgedAsDeclared() {
    ProcedureRunner runner = runner();
    List<ExampleDossier> examples = examples();
    List<String> failures = new ArrayList<>();
    if (examples.stream().noneMatch(ExampleDossier::valid)) {
      failures.add(
          "no valid example: give at least one dossier the procedure accepts, so that its fee"
              + " and authorization are checked too");
    }
    for (ExampleDossier example : examples) {
      List<Violation> violations;
      try {
        violations = runner.validate(example.values());
      } catch (RuntimeException e) {
        failures.add(name(example) + ": checking it threw " + e);
        continue;
      }
      Set<String> wrong = violations.stream().map(Violation::field).collect(Collectors.toSet());
      if (example.valid() && !violations.isEmpty()) {
        failures.add(name(example) + " is declared valid, but " + describe(violations));
      } else if (!example.valid() && violations.isEmpty()) {
        failures.add(name(example) + " is declared invalid, but has no violation");
      } else if (!example.valid()
          && !example.violations().isEmpty()
          && !wrong.equals(example.violations())) {
        failures.add(
            name(example)
                + " should be wrong in "
                + new TreeSet<>(example.violations())
                + ", but "
                + describe(violations));
      }
    }
    verify("examples", failures);
  }

  /**
   * Every state can be reached, a terminal state can be reached, and every other state has a way
   * out and a legal deadline.
   */
  @Test
  public void workflowIsSound() {
    verify("the workflow", runner().definition().workflow().problems());
  }

  /** The fee of each valid example is computed without error, and is not negative. */
  @Test
  public void feesAreComputedForValidExamples() {
    ProcedureRunner runner = runner();
    List<String> failures = new ArrayList<>();
    for (ExampleDossier example : valid()) {
      Fee fee;
      try {
        fee = runner.fee(example.values());
      } catch (RuntimeException e) {
        failures.add(name(example) + ": computing the fee threw " + e);
        continue;
      }
      if (fee == null) {
        failures.add(name(example) + ": the fee is null");
        continue;
      }
      if (fee.items().stream().anyMatch(item -> item.label() == null || item.amount() == null)) {
        failures.add(name(example) + ": a fee line has no label or no amount: " + fee.items());
      } else if (fee.total().signum() < 0) {
        failures.add(name(example) + ": the fee is negative: " + fee.total());
      }
    }
    verify("fees", failures);
  }

  /**
   * The authorization renders in French and in Arabic for each valid example: every placeholder has
   * a value (the form's, or the platform's: reference, applicant, commune, date).
   */
  @Test
  public void templateRendersInBothLanguages() {
    ProcedureRunner runner = runner();
    List<String> failures = new ArrayList<>();
    for (ExampleDossier example : valid()) {
      for (String language : List.of("fr", "ar")) {
        String where = name(example) + ", " + (language.equals("fr") ? "French" : "Arabic");
        try {
          String text = runner.render(language, example.values(), platformValues());
          if (text.contains("{{")) {
            failures.add(where + ": a placeholder is left in the text: " + text);
          }
        } catch (IllegalArgumentException e) {
          failures.add(where + ": " + e.getMessage());
        }
      }
    }
    verify("the authorization's template", failures);
  }

  /**
   * The procedure's name and every label (sections, fields, choices, documents, states, consulted
   * bodies, fee lines) and the template are written in both languages: the French in Latin letters,
   * the Arabic in Arabic letters — not one copied into the other.
   */
  @Test
  public void textsAreInBothLanguages() {
    ProcedureDefinition definition = runner().definition();
    List<String> failures = new ArrayList<>();
    texts(definition)
        .forEach(
            (where, text) -> {
              if (!hasLetters(text.fr(), Character.UnicodeScript.LATIN)) {
                failures.add(where + ": the French text has no Latin letter: " + text.fr());
              }
              if (!hasLetters(text.ar(), Character.UnicodeScript.ARABIC)) {
                failures.add(where + ": the Arabic text has no Arabic letter: " + text.ar());
              }
            });
    AuthorizationTemplate template = definition.template();
    if (!hasLetters(template.fr(), Character.UnicodeScript.LATIN)) {
      failures.add("template: the French text has no Latin letter");
    }
    if (!hasLetters(template.ar(), Character.UnicodeScript.ARABIC)) {
      failures.add("template: the Arabic text has no Arabic letter");
    }
    verify("texts", failures);
  }

  private List<ExampleDossier> valid() {
    return examples().stream().filter(ExampleDossier::valid).toList();
  }

  /** Every text of the definition a user reads, by where it is. */
  private static Map<String, LocalizedText> texts(ProcedureDefinition definition) {
    Map<String, LocalizedText> texts = new LinkedHashMap<>();
    texts.put("name", definition.name());
    for (Section section : definition.form().sections()) {
      texts.put("section " + section.id(), section.label());
      for (Field field : section.fields()) {
        texts.put("field " + field.id(), field.label());
        for (Field.Choice choice : field.choices()) {
          texts.put("choice " + choice.value() + " of " + field.id(), choice.label());
        }
      }
    }
    for (DocumentRequirement document : definition.documents()) {
      texts.put("document " + document.id(), document.label());
    }
    for (Workflow.State state : definition.workflow().states()) {
      texts.put("state " + state.id(), state.label());
    }
    for (Workflow.ConsultedBody body : definition.workflow().consultedBodies()) {
      texts.put("consulted body " + body.id(), body.label());
    }
    List<FeeSchedule.Line> lines = definition.fees().lines();
    for (int i = 0; i < lines.size(); i++) {
      texts.put("fee line " + (i + 1), lines.get(i).label());
    }
    return texts;
  }

  private static boolean hasLetters(String text, Character.UnicodeScript script) {
    return text.codePoints()
        .anyMatch(c -> Character.isLetter(c) && Character.UnicodeScript.of(c) == script);
  }

  private static String name(ExampleDossier example) {
    return "example '" + example.name() + "'";
  }

  private static String describe(List<Violation> violations) {
    return violations.isEmpty()
        ? "has no violation"
        : "has "
            + violations.stream()
                .map(v -> v.field() + " (" + v.message().fr() + ")")
                .collect(Collectors.joining(", "));
  }

  private static void verify(String what, List<String> failures) {
    if (!failures.isEmpty()) {
      throw new AssertionError(what + ":\n  " + String.join("\n  ", failures));
    }
  }
}
