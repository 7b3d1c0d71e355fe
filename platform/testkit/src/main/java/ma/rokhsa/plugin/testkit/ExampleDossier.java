package ma.rokhsa.plugin.testkit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import ma.rokhsa.plugin.api.procedure.FormValues;

/**
 * The form of a dossier as an applicant could fill it in, and whether the procedure must accept it:
 * what {@link ProcedureContract} checks a procedure against. Write them in code with {@link
 * #valid}/{@link #invalid}, or in an {@code examples.yaml} read by {@link #read}.
 *
 * @param name what the example shows ({@code extension sans plan de l'existant})
 * @param values the form's values
 * @param valid whether the procedure must accept them
 * @param violations for an invalid example, the fields expected to be wrong, exactly ({@code
 *     surface}, {@code niveaux[0].usage}); empty to accept any violation
 */
public record ExampleDossier(
    String name, FormValues values, boolean valid, Set<String> violations) {

  public ExampleDossier {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(values, "values");
    violations = Set.copyOf(violations);
    if (valid && !violations.isEmpty()) {
      throw new IllegalArgumentException(
          "example '" + name + "' is valid: it expects no violations");
    }
  }

  public ExampleDossier(String name, FormValues values, boolean valid) {
    this(name, values, valid, Set.of());
  }

  /** Values the procedure must accept. */
  public static ExampleDossier valid(String name, Map<String, Object> values) {
    return new ExampleDossier(name, FormValues.of(values), true);
  }

  /** Values the procedure must refuse, in exactly {@code fields} if any are named. */
  public static ExampleDossier invalid(String name, Map<String, Object> values, String... fields) {
    return new ExampleDossier(name, FormValues.of(values), false, Set.of(fields));
  }

  /**
   * The examples of a YAML resource ({@code examples.yaml} beside {@code procedure.yaml}, format in
   * the testkit's README):
   *
   * <pre>{@code
   * - name: maison individuelle
   *   valid: true
   *   values: {nature: construction, surface_plancher: 120, niveaux: [{numero: 0}]}
   * - name: surface nulle
   *   valid: false
   *   violations: [surface_plancher]
   *   values: {nature: construction, surface_plancher: 0, niveaux: [{numero: 0}]}
   * }</pre>
   *
   * Values are kept as written, as text ({@code 120}, {@code true}, {@code 2026-11-29}), the way a
   * form sends them; a repeatable section's value is a list of mappings.
   *
   * @param classLoader whose resources hold the file: the test's ({@code
   *     getClass().getClassLoader()})
   * @throws IllegalArgumentException naming every problem of the file, each with its line
   */
  public static List<ExampleDossier> read(ClassLoader classLoader, String resource) {
    return new ExampleReader(resource).read(classLoader);
  }
}
