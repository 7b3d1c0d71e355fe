package ma.rokhsa.domain.model.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import ma.rokhsa.domain.RuleViolation;
import ma.rokhsa.domain.model.calendar.WorkingCalendar;
import ma.rokhsa.plugin.api.procedure.ActingRole;
import ma.rokhsa.plugin.api.procedure.FormValues;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;
import ma.rokhsa.plugin.api.procedure.ProcedureProvider;
import ma.rokhsa.plugin.api.procedure.Workflow;
import ma.rokhsa.plugin.api.procedure.Workflow.State;
import ma.rokhsa.plugin.api.procedure.Workflow.Transition;

/**
 * The rules of one procedure version applied to its dossiers: which moves are allowed to whom, the
 * legal due date of each state in the tenant's working days, when the administration's clock is
 * suspended, which states gather the commission's avis, and what happens when a deadline passes.
 *
 * <p>Conventions read from the workflow (documented in the procedure format):
 *
 * <ul>
 *   <li>A state whose every way out (but the platform's) belongs to the applicant is the
 *       <em>applicant's turn</em> (complements, reservations to lift): the administration's clock
 *       stops on the state it interrupted, and resumes with the working days it had left when the
 *       dossier comes back to it.
 *   <li>A state with a way out taken by a commission member, or by the platform, while the
 *       procedure names consulted bodies, is a <em>commission</em> state: every body consulted on
 *       the dossier (those without a condition, and those whose condition its values meet) is asked
 *       its avis on entering it. When every avis is in, the platform's way out is taken at once.
 *   <li>A deadline passing takes the state's platform (SYSTEM) way out, when it has one (missing
 *       avis are then deemed favorable); otherwise, where silence counts as acceptance, the first
 *       way out declared that is not the applicant's (a tacit approval); otherwise the dossier is
 *       only flagged overdue.
 *   <li>When a binding body's avis is unfavorable, the authority (signatory) can only take ways out
 *       to a terminal state: a motivated refusal.
 * </ul>
 */
public final class Instruction {

  private final ProcedureDefinition definition;
  private final ProcedureProvider provider;
  private final WorkingCalendar calendar;

  public Instruction(
      ProcedureDefinition definition, ProcedureProvider provider, WorkingCalendar calendar) {
    this.definition = Objects.requireNonNull(definition);
    this.provider = Objects.requireNonNull(provider);
    this.calendar = Objects.requireNonNull(calendar);
  }

  public ProcedureDefinition definition() {
    return definition;
  }

  public Workflow workflow() {
    return definition.workflow();
  }

  public State state(String id) {
    return workflow()
        .state(id)
        .orElseThrow(() -> new IllegalStateException("state " + id + " not in " + version()));
  }

  private String version() {
    return definition.id() + " " + definition.version();
  }

  /** Whether only the applicant can move the dossier on from this state. */
  public boolean applicantTurn(String stateId) {
    return applicantTurn(workflow(), stateId);
  }

  /**
   * Whether only the applicant can move a dossier on from this state of this workflow: there the
   * administration's clock is stopped (the delay reports count it so too).
   */
  public static boolean applicantTurn(Workflow workflow, String stateId) {
    List<Transition> out =
        workflow.from(stateId).stream().filter(t -> t.by() != ActingRole.SYSTEM).toList();
    return !out.isEmpty() && out.stream().allMatch(t -> t.by() == ActingRole.APPLICANT);
  }

  /** Whether the consulted bodies give their avis in this state. */
  public boolean commissionState(String stateId) {
    if (workflow().consultedBodies().isEmpty()) {
      return false;
    }
    return workflow().from(stateId).stream()
        .anyMatch(
            t ->
                t.by() == ActingRole.COMMISSION_MEMBER
                    || (t.by() == ActingRole.SYSTEM && !applicantTurn(stateId)));
  }

  /** The platform's own way out of a state (a deadline passing, a commission complete). */
  public Optional<Transition> systemTransition(String stateId) {
    return workflow().from(stateId).stream().filter(t -> t.by() == ActingRole.SYSTEM).findFirst();
  }

  /**
   * The moves the caller may take now, in the order the procedure declares them.
   *
   * @param roles the roles in which the caller acts on this dossier
   */
  public List<Transition> allowed(Dossier dossier, Set<ActingRole> roles) {
    if (dossier.phase() != Phase.OPEN) {
      return List.of();
    }
    String current = dossier.state().orElseThrow();
    List<Transition> allowed = new ArrayList<>();
    for (Transition t : workflow().from(current)) {
      if (t.by() == ActingRole.SYSTEM || !roles.contains(t.by())) {
        continue;
      }
      if (blockedByBindingAvis(dossier, t)) {
        continue;
      }
      allowed.add(t);
    }
    return allowed;
  }

  private boolean blockedByBindingAvis(Dossier dossier, Transition t) {
    return t.by() == ActingRole.SIGNATORY
        && dossier.outcome().orElse(null) == Outcome.UNFAVORABLE_BINDING
        && !state(t.to()).terminal();
  }

  /**
   * The move named {@code action}, if the caller may take it now.
   *
   * @throws RuleViolation naming the actions allowed instead
   */
  public Transition transition(Dossier dossier, String action, Set<ActingRole> roles) {
    List<Transition> allowed = allowed(dossier, roles);
    for (Transition t : allowed) {
      if (t.action().equals(action)) {
        return t;
      }
    }
    String why =
        dossier.phase() != Phase.OPEN
            ? "dossier " + dossier.describe() + " is " + dossier.phase()
            : "'" + action + "' is not allowed in state " + dossier.state().orElseThrow();
    boolean binding =
        workflow().from(dossier.state().orElse("")).stream()
            .anyMatch(t -> t.action().equals(action) && blockedByBindingAvis(dossier, t));
    if (binding) {
      why += ": a binding avis is unfavorable, the authority can only refuse";
    }
    return fail(why, allowed);
  }

  private static Transition fail(String why, List<Transition> allowed) {
    throw new RuleViolation(why, allowed.stream().map(Transition::action).toList());
  }

  /** The legal due date of a state entered {@code today}, if it has a deadline. */
  public Optional<LocalDate> due(String stateId, FormValues values, LocalDate today) {
    return deadline(stateId, values, today).map(Deadline::date);
  }

  /** The legal deadline of a state entered {@code today}, if it has one. */
  public Optional<Deadline> deadline(String stateId, FormValues values, LocalDate today) {
    State state = state(stateId);
    if (state.terminal()) {
      return Optional.empty();
    }
    return deadline(state, values).map(days -> Deadline.count(today, days, calendar));
  }

  private Optional<Integer> deadline(State state, FormValues values) {
    Optional<Integer> days = provider.deadline(state, values);
    return days == null ? state.deadlineWorkingDays() : days;
  }

  /** Deposits a draft: it enters the initial state with its legal due date. */
  public void submit(
      Dossier dossier,
      FormValues values,
      DossierReference reference,
      String trackingCode,
      String submitKey,
      LocalDate today,
      Instant now) {
    String initial = workflow().initial();
    dossier.submit(reference, trackingCode, submitKey, initial, now);
    dossier.extendDue(deadline(initial, values, today));
  }

  /**
   * Moves the dossier along a transition, setting the due date of the state it enters and
   * suspending or resuming the administration's clock.
   */
  public void move(Dossier dossier, Transition t, FormValues values, LocalDate today, Instant now) {
    String from = dossier.state().orElseThrow();
    if (!t.from().equals(from)) {
      throw new RuleViolation("dossier " + dossier.describe() + " is no longer in " + t.from());
    }
    State target = state(t.to());
    if (target.terminal()) {
      dossier.enter(t.to(), true, Optional.empty(), now);
      return;
    }
    if (applicantTurn(t.to()) && !applicantTurn(from)) {
      int left = dossier.dueDate().map(d -> calendar.workingDaysBetween(today, d)).orElse(0);
      dossier.suspend(from, left);
      dossier.enter(t.to(), false, deadline(t.to(), values, today), now);
      return;
    }
    if (dossier.suspendedState().filter(t.to()::equals).isPresent()) {
      int left = Math.max(1, dossier.suspendedRemaining().orElse(1));
      dossier.clearSuspension();
      dossier.enter(t.to(), false, Optional.of(Deadline.count(today, left, calendar)), now);
      return;
    }
    if (!applicantTurn(t.to())) {
      dossier.clearSuspension();
    }
    dossier.enter(t.to(), false, deadline(t.to(), values, today), now);
  }

  /**
   * What the platform does when the deadline of the dossier's state has passed: the move to take,
   * and whether it is a tacit approval. Empty when the dossier only becomes overdue.
   */
  public Optional<DeadlineMove> onDeadline(Dossier dossier) {
    if (dossier.phase() != Phase.OPEN) {
      return Optional.empty();
    }
    String current = dossier.state().orElseThrow();
    Optional<Transition> system = systemTransition(current);
    if (system.isPresent()) {
      return Optional.of(new DeadlineMove(system.get(), false));
    }
    if (state(current).silenceMeansAcceptance()) {
      return workflow().from(current).stream()
          .filter(t -> t.by() != ActingRole.APPLICANT)
          .findFirst()
          .map(t -> new DeadlineMove(t, true));
    }
    return Optional.empty();
  }

  /**
   * A move the platform makes when a deadline passes.
   *
   * @param transition the way out taken
   * @param tacitApproval whether it is taken because silence counts as acceptance
   */
  public record DeadlineMove(Transition transition, boolean tacitApproval) {}

  /** Whether the way is the guichet's request for complements: to the applicant's turn. */
  public boolean asksComplements(Transition t) {
    return t.by() == ActingRole.GUICHET_AGENT && applicantTurn(t.to());
  }

  /** Whether the way is the applicant's answer to complements: out of their turn. */
  public boolean answersComplements(Transition t) {
    return t.by() == ActingRole.APPLICANT && applicantTurn(t.from());
  }
}
