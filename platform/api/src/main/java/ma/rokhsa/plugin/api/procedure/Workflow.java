package ma.rokhsa.plugin.api.procedure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import ma.rokhsa.plugin.api.LocalizedText;

/**
 * How a dossier moves: its states, the transitions between them (who may take each), the bodies
 * consulted, and the legal deadline of each state.
 *
 * @param initial the state a dossier starts in once deposited
 * @param states every state
 * @param transitions every allowed move
 * @param consultedBodies the bodies whose avis is asked
 */
public record Workflow(
    String initial,
    List<State> states,
    List<Transition> transitions,
    List<ConsultedBody> consultedBodies) {

  public Workflow {
    Objects.requireNonNull(initial, "initial");
    states = List.copyOf(states);
    transitions = List.copyOf(transitions);
    consultedBodies = List.copyOf(consultedBodies);
    Set<String> ids = new HashSet<>();
    for (State state : states) {
      if (!ids.add(state.id())) {
        throw new IllegalArgumentException("state declared twice: " + state.id());
      }
    }
    if (!ids.contains(initial)) {
      throw new IllegalArgumentException("initial state " + initial + " is not declared");
    }
    for (Transition t : transitions) {
      if (!ids.contains(t.from()) || !ids.contains(t.to())) {
        throw new IllegalArgumentException("transition " + t.action() + " joins undeclared states");
      }
    }
  }

  public Optional<State> state(String id) {
    return states.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /** The moves possible from a state. */
  public List<Transition> from(String state) {
    return transitions.stream().filter(t -> t.from().equals(state)).toList();
  }

  /** The states a dossier can reach from the initial one. */
  public Set<String> reachable() {
    Set<String> seen = new HashSet<>(Set.of(initial));
    Deque<String> todo = new ArrayDeque<>(List.of(initial));
    while (!todo.isEmpty()) {
      for (Transition t : from(todo.pop())) {
        if (seen.add(t.to())) {
          todo.push(t.to());
        }
      }
    }
    return seen;
  }

  /**
   * What is wrong with this workflow's shape: states not reachable, non-terminal states with no way
   * out or without a deadline, no terminal state reachable. Empty when it is sound.
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    Set<String> reachable = reachable();
    for (State state : states) {
      if (!reachable.contains(state.id())) {
        problems.add("state " + state.id() + " cannot be reached from " + initial);
      }
      if (!state.terminal() && from(state.id()).isEmpty()) {
        problems.add("state " + state.id() + " is not terminal but has no way out");
      }
      if (!state.terminal() && state.deadlineWorkingDays().isEmpty()) {
        problems.add("state " + state.id() + " has no legal deadline");
      }
    }
    if (states.stream().noneMatch(s -> s.terminal() && reachable.contains(s.id()))) {
      problems.add("no terminal state can be reached");
    }
    return problems;
  }

  /**
   * A state of the workflow.
   *
   * @param id its id ({@code instruction})
   * @param label its name
   * @param terminal whether a dossier's life ends here (delivered, refused, withdrawn)
   * @param deadlineWorkingDays the legal time to leave this state, in working days
   * @param silenceMeansAcceptance whether the deadline passing without a decision counts as
   *     acceptance (tacit approval)
   */
  public record State(
      String id,
      LocalizedText label,
      boolean terminal,
      Optional<Integer> deadlineWorkingDays,
      boolean silenceMeansAcceptance) {

    public State {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(deadlineWorkingDays, "deadlineWorkingDays");
    }
  }

  /**
   * A move from one state to another.
   *
   * @param action its name ({@code accept}, {@code request-complements}, {@code decide-favorable})
   * @param from the state it leaves
   * @param to the state it reaches
   * @param by who may take it
   */
  public record Transition(String action, String from, String to, ActingRole by) {}

  /**
   * The bodies whose avis is asked on a dossier with these values: those without a condition, and
   * those whose condition holds, in the order declared.
   */
  public List<ConsultedBody> consultedBodies(FormValues values) {
    return consultedBodies.stream().filter(b -> b.consultedOn(values)).toList();
  }

  /**
   * A body consulted by the commission.
   *
   * @param id its id ({@code agence-urbaine})
   * @param label its name
   * @param binding whether an unfavorable avis forces a refusal
   * @param when the body is consulted only on dossiers where this holds
   */
  public record ConsultedBody(
      String id, LocalizedText label, boolean binding, Optional<Condition> when) {

    public ConsultedBody {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(when, "when");
    }

    /** A body consulted on every dossier. */
    public ConsultedBody(String id, LocalizedText label, boolean binding) {
      this(id, label, binding, Optional.empty());
    }

    /** Whether the body is consulted on a dossier with these values. */
    public boolean consultedOn(FormValues values) {
      return when.isEmpty() || when.get().holds(values);
    }
  }
}
