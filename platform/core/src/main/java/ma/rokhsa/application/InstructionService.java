package ma.rokhsa.application;

import static ma.rokhsa.application.DossierAccess.actingOn;
import static ma.rokhsa.application.DossierAccess.requireActing;
import static ma.rokhsa.application.DossierWorkflow.by;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import ma.rokhsa.application.DossierWorkflow.Instructed;
import ma.rokhsa.domain.RuleViolation;
import ma.rokhsa.domain.model.dossier.Avis;
import ma.rokhsa.domain.model.dossier.Dossier;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.AvisGiven;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.ComplementsRequested;
import ma.rokhsa.domain.model.dossier.DossierId;
import ma.rokhsa.domain.model.dossier.Instruction;
import ma.rokhsa.domain.model.dossier.Verdict;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.plugin.api.procedure.ActingRole;
import ma.rokhsa.plugin.api.procedure.Violation;
import ma.rokhsa.plugin.api.procedure.Workflow.Transition;

/**
 * Instruction: the workflow's actions taken by the applicant and the administration, and the
 * consulted bodies' avis. Each change locks the dossier, is decided by the rules of its procedure
 * version, and answers with the dossier as the caller sees it now — one transaction.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class InstructionService {

  private DossierWorkflow workflow;

  /** For CDI's proxy. */
  protected InstructionService() {}

  @Inject
  InstructionService(DossierWorkflow workflow) {
    this.workflow = workflow;
  }

  /**
   * Takes an action of the procedure's workflow on the dossier.
   *
   * @param input what the action needs: a motivation, the items of a complement request…
   * @return the dossier as the caller sees it after the action
   * @throws RuleViolation if the action is not allowed now (listing those that are)
   * @throws StaleDossier if the dossier changed since the caller read it
   */
  public DossierFile act(
      TenantContext context,
      DossierId id,
      String action,
      ActionInput input,
      OptionalLong expectedVersion) {
    Actor actor = context.actor();
    TenantId tenant = context.tenant();
    Instructed at = workflow.visibleForUpdate(tenant, actor, id);
    Dossier dossier = at.dossier();
    DossierWorkflow.expect(dossier, expectedVersion);
    Instruction rules = at.rules();
    requireRoleFor(rules, dossier, action, actor);
    Transition t = rules.transition(dossier, action, actingOn(actor, dossier));
    if (SignedDelivery.isSignature(rules.workflow(), t)) {
      throw new InvalidInput(
          "pin: "
              + t.action()
              + " signs and delivers the authorization: it needs the signatory's PIN");
    }
    Instant now = workflow.now();
    LocalDate today = DossierWorkflow.today(now);
    if (rules.asksComplements(t)) {
      if (input.items().isEmpty()) {
        throw new InvalidInput("items: list each missing or invalid item and why");
      }
      String note = describe(input.items());
      Dossier.Moved moved =
          dossier.requestComplements(
              rules, t, DossierWorkflow.toJson(input.items()), note, actor.username(), today, now);
      workflow.moved(tenant, actor, at, t, moved, Optional.of(note), false, true, now);
      workflow.fire(
          new ComplementsRequested(
              tenant, by(actor), dossier, at.procedure().definition(), input.items()));
    } else if (rules.answersComplements(t)) {
      if (!rules.state(t.to()).terminal()) {
        List<Violation> violations = DossierWorkflow.problems(at);
        if (!violations.isEmpty()) {
          throw new Incomplete(violations);
        }
      }
      Optional<String> note = input.motivation();
      Dossier.Moved moved = dossier.answerComplements(rules, t, note.orElse(""), note, today, now);
      workflow.moved(tenant, actor, at, t, moved, note, false, false, now);
    } else {
      if (t.by() == ActingRole.SIGNATORY
          && rules.state(t.to()).terminal()
          && input.motivation().filter(m -> !m.isBlank()).isEmpty()
          && !SignedDelivery.isSignature(rules.workflow(), t)) {
        throw new InvalidInput("motivation: a refusal must be motivated");
      }
      workflow.take(tenant, actor, at, t, input.motivation(), false, now);
    }
    return workflow.file(at, actor);
  }

  /**
   * An action the workflow offers from the dossier's state, but only to roles the caller does not
   * hold here, is refused as outside the caller's role (403) — the national admin's {@code
   * accepter}, a guichet agent's signature — rather than as not allowed in the state (409).
   */
  private static void requireRoleFor(
      Instruction rules, Dossier dossier, String action, Actor actor) {
    List<Transition> offered =
        rules.workflow().from(dossier.state().orElse("")).stream()
            .filter(t -> t.action().equals(action))
            .toList();
    java.util.Set<ActingRole> acting = actingOn(actor, dossier);
    if (!offered.isEmpty() && offered.stream().noneMatch(t -> acting.contains(t.by()))) {
      throw new AccessDenied(
          "'"
              + action
              + "' is taken by "
              + offered.stream().map(t -> t.by().name()).distinct().toList()
              + ", a role you do not hold here (separation of duties)");
    }
  }

  /**
   * What an action carries.
   *
   * @param motivation why (a refusal, an answer to complements…)
   * @param items for a complement request: each item asked for ({@code item}, {@code reason})
   */
  public record ActionInput(Optional<String> motivation, List<Map<String, String>> items) {
    public ActionInput {
      items = items == null ? List.of() : List.copyOf(items);
    }
  }

  private static String describe(List<Map<String, String>> items) {
    StringBuilder text = new StringBuilder();
    for (Map<String, String> item : items) {
      if (text.length() > 0) {
        text.append("; ");
      }
      text.append(item.getOrDefault("item", "?"))
          .append(": ")
          .append(item.getOrDefault("reason", ""));
    }
    return text.toString();
  }

  /**
   * Records a consulted body's avis. When every body of the round has answered and the procedure
   * lets the platform consolidate, the dossier moves on at once.
   *
   * @return the dossier as the caller sees it after the avis
   */
  public DossierFile giveAvis(
      TenantContext context,
      DossierId id,
      String body,
      Verdict verdict,
      String motivation,
      OptionalLong expectedVersion) {
    Actor actor = context.actor();
    requireActing(actor, ActingRole.COMMISSION_MEMBER);
    actor.requireSpeaksFor(body);
    TenantId tenant = context.tenant();
    Instructed at = workflow.visibleForUpdate(tenant, actor, id);
    Dossier dossier = at.dossier();
    DossierWorkflow.expect(dossier, expectedVersion);
    Instant now = workflow.now();
    Avis avis =
        dossier.giveAvis(
            at.rules(), body, verdict, motivation, actor.username(), actingOn(actor, dossier), now);
    workflow.timeline(
        dossier,
        actor,
        ActingRole.COMMISSION_MEMBER,
        "avis-" + body,
        Optional.of(
            verdict + (motivation == null || motivation.isBlank() ? "" : ": " + motivation)),
        now);
    workflow.fire(new AvisGiven(tenant, by(actor), dossier, avis));
    Optional<Transition> done = dossier.commissionDone(at.rules());
    if (done.isPresent()) {
      workflow.take(tenant, Actor.system(), at, done.get(), Optional.empty(), false, now);
    }
    return workflow.file(at, actor);
  }
}
