package ma.rokhsa.plugin.testkit;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import ma.rokhsa.plugin.api.procedure.ActingRole;
import ma.rokhsa.plugin.api.procedure.DefinitionException;
import ma.rokhsa.plugin.api.procedure.Fee;
import ma.rokhsa.plugin.api.procedure.FormValues;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;
import ma.rokhsa.plugin.api.procedure.ProcedureProvider;
import ma.rokhsa.plugin.api.procedure.Violation;
import ma.rokhsa.plugin.api.procedure.Workflow;
import ma.rokhsa.plugin.definitions.YamlDefinitionLoader;

/**
 * Runs a procedure plugin without a server, the way the platform does: the definition is read by
 * the platform's reader from the provider's class loader, values are checked by the form's rules
 * and then the provider's, fees come from the provider, and the workflow is walked by its actions.
 *
 * <pre>{@code
 * ProcedureRunner runner = ProcedureRunner.of(new PermisDeConstruire());
 * assertThat(runner.validate(values)).isEmpty();
 * assertThat(runner.walk("accepter", "avis-favorable", "signer").id()).isEqualTo("delivre");
 * }</pre>
 *
 * <p>It holds no resource: nothing to close. It keeps the definition it read; create another runner
 * to read a changed one.
 */
public final class ProcedureRunner {

  private final ProcedureProvider provider;
  private final ProcedureDefinition definition;

  private ProcedureRunner(ProcedureProvider provider, ProcedureDefinition definition) {
    this.provider = provider;
    this.definition = definition;
  }

  /**
   * Reads the provider's definition, as the platform does when the plugin starts.
   *
   * @throws DefinitionException with every problem of the definition, if it is not valid
   */
  public static ProcedureRunner of(ProcedureProvider provider) {
    Objects.requireNonNull(provider, "provider");
    ProcedureDefinition definition =
        provider.definition(new YamlDefinitionLoader(provider.getClass().getClassLoader()));
    if (definition == null) {
      throw new IllegalStateException(provider.getClass().getName() + ".definition returned null");
    }
    return new ProcedureRunner(provider, definition);
  }

  public ProcedureProvider provider() {
    return provider;
  }

  public ProcedureDefinition definition() {
    return definition;
  }

  /** What is wrong with these values: the form's declared rules, then the provider's own. */
  public List<Violation> validate(FormValues values) {
    return definition.validate(values, provider);
  }

  /** The fee for these values, as the provider computes it from the definition's schedule. */
  public Fee fee(FormValues values) {
    return provider.fee(values, definition.fees());
  }

  /**
   * The moves {@code role} may make from {@code state}, in the order declared.
   *
   * @throws IllegalArgumentException if the workflow has no such state
   */
  public List<Workflow.Transition> transitions(String state, ActingRole role) {
    state(state);
    return definition.workflow().from(state).stream().filter(t -> t.by() == role).toList();
  }

  /**
   * Takes {@code actions} one after the other from the initial state, whoever may take them.
   *
   * @return the state reached
   * @throws IllegalStateException naming the first action that is not possible where it is taken
   */
  public Workflow.State walk(String... actions) {
    return walk(definition.workflow().initial(), List.of(actions));
  }

  /** As {@link #walk(String...)}, from {@code from}. */
  public Workflow.State walk(String from, List<String> actions) {
    Workflow.State state = state(from);
    for (String action : actions) {
      List<Workflow.Transition> moves =
          definition.workflow().from(state.id()).stream()
              .filter(t -> t.action().equals(action))
              .toList();
      if (moves.size() != 1) {
        throw new IllegalStateException(
            (moves.isEmpty() ? "action '" + action + "' is not possible" : "action is ambiguous")
                + " from state '"
                + state.id()
                + "' (possible: "
                + definition.workflow().from(state.id()).stream()
                    .map(Workflow.Transition::action)
                    .collect(Collectors.joining(", "))
                + ")");
      }
      state = state(moves.get(0).to());
    }
    return state;
  }

  /**
   * The authorization's text in {@code language} ({@code fr} or {@code ar}) for these values, as
   * the platform writes it: each {@code {{field}}} takes the form's value as text, each {@code
   * {{field.label}}} the label of the choice made, each {@code {{#section}}…{{/section}}} is
   * written once per occurrence of the section, each platform placeholder takes the value in {@code
   * platform}.
   *
   * @throws IllegalArgumentException naming the placeholder without a value
   */
  public String render(String language, FormValues values, PlatformValues platform) {
    return definition
        .template()
        .render(language, definition.form(), values, name -> platform.value(name).orElse(null));
  }

  /** The bodies whose avis the commission asks on a dossier with these values, in order. */
  public List<Workflow.ConsultedBody> consultedBodies(FormValues values) {
    return definition.workflow().consultedBodies(values);
  }

  /** As {@link #render(String, FormValues, PlatformValues)}, with {@link PlatformValues#sample}. */
  public String render(String language, FormValues values) {
    return render(language, values, PlatformValues.sample());
  }

  private Workflow.State state(String id) {
    return definition
        .workflow()
        .state(id)
        .orElseThrow(() -> new IllegalArgumentException("the workflow has no state '" + id + "'"));
  }
}
