package ma.rokhsa.application;

import static ma.rokhsa.application.DossierAccess.actingOn;
import static ma.rokhsa.application.DossierAccess.requireActing;
import static ma.rokhsa.application.DossierWorkflow.by;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import ma.rokhsa.domain.RuleViolation;
import ma.rokhsa.domain.model.dossier.Avis;
import ma.rokhsa.domain.model.dossier.ComplementRequest;
import ma.rokhsa.domain.model.dossier.Dossier;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.AvisGiven;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.ComplementsRequested;
import ma.rokhsa.domain.model.dossier.DossierId;
import ma.rokhsa.domain.model.dossier.DossierRepository;
import ma.rokhsa.domain.model.dossier.Instruction;
import ma.rokhsa.domain.model.dossier.Phase;
import ma.rokhsa.domain.model.dossier.Verdict;
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
  private DossierRepository dossiers;

  /** For CDI's proxy. */
  protected InstructionService() {}

  @Inject
  InstructionService(DossierWorkflow workflow, DossierRepository dossiers) {
    this.workflow = workflow;
    this.dossiers = dossiers;
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
    Dossier dossier = workflow.visibleForUpdate(actor, id);
    DossierWorkflow.expect(dossier, expectedVersion);
    Instruction rules = workflow.instruction(context.tenant(), dossier);
    Set<ActingRole> roles = actingOn(actor, dossier);
    Transition t = rules.transition(dossier, action, roles);
    Instant now = workflow.now();
    String note = input.motivation().orElse(null);
    if (rules.applicantTurn(t.to()) && t.by() == ActingRole.GUICHET_AGENT) {
      if (input.items().isEmpty()) {
        throw new InvalidInput("items: list each missing or invalid item and why");
      }
      ComplementRequest request =
          rules.requestComplements(
              dossier, DossierWorkflow.toJson(input.items()), actor.username(), now);
      dossiers.store(request);
      note = describe(input.items());
      workflow.fire(new ComplementsRequested(context.tenant(), by(actor), dossier, input.items()));
    }
    if (t.by() == ActingRole.APPLICANT && rules.applicantTurn(t.from())) {
      List<ComplementRequest> open =
          dossiers.complements(id).stream().filter(c -> c.answeredAt().isEmpty()).toList();
      for (ComplementRequest c : open) {
        rules.answer(c, input.motivation().orElse(""), now);
      }
      if (!rules.state(t.to()).terminal()) {
        List<Violation> violations = workflow.problems(dossier);
        if (!violations.isEmpty()) {
          throw new Incomplete(violations);
        }
      }
    }
    if (t.by() == ActingRole.SIGNATORY && rules.state(t.to()).terminal()) {
      if (input.motivation().filter(m -> !m.isBlank()).isEmpty()
          && !t.to().equals(signedState(rules, t))) {
        throw new InvalidInput("motivation: a refusal must be motivated");
      }
    }
    workflow.move(
        context.tenant(), actor, dossier, rules, t, Optional.ofNullable(note), false, now);
    return workflow.file(context.tenant(), dossier, actor);
  }

  private static String signedState(Instruction rules, Transition t) {
    // The signature that delivers the authorization ends the life of a favorable dossier: it
    // needs no motivation. A way to a terminal state from a state the authority reached
    // favorably is that signature.
    return rules.workflow().from(t.from()).size() == 1 ? t.to() : "";
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
    Dossier dossier = workflow.visibleForUpdate(actor, id);
    DossierWorkflow.expect(dossier, expectedVersion);
    Instruction rules = workflow.instruction(context.tenant(), dossier);
    if (dossier.phase() != Phase.OPEN || !rules.commissionState(dossier.state().orElseThrow())) {
      throw new RuleViolation(
          "dossier " + dossier.describe() + " is not before the commission",
          rules.allowed(dossier, actingOn(actor, dossier)).stream()
              .map(Transition::action)
              .toList());
    }
    List<Avis> round = workflow.currentRound(dossier);
    Avis avis =
        round.stream()
            .filter(a -> a.bodyId().equals(body))
            .findFirst()
            .orElseThrow(
                () ->
                    new RuleViolation(
                        "body '" + body + "' is not consulted on this dossier",
                        round.stream().map(Avis::bodyId).toList()));
    Instant now = workflow.now();
    rules.give(avis, verdict, motivation, actor.username(), now);
    workflow.timeline(
        dossier,
        actor,
        ActingRole.COMMISSION_MEMBER,
        "avis-" + body,
        Optional.of(
            verdict + (motivation == null || motivation.isBlank() ? "" : ": " + motivation)),
        now);
    workflow.fire(new AvisGiven(context.tenant(), by(actor), dossier, avis));
    boolean complete = round.stream().allMatch(a -> a.verdict().isPresent());
    Optional<Transition> system = rules.systemTransition(dossier.state().orElseThrow());
    if (complete && system.isPresent()) {
      workflow.move(
          context.tenant(),
          Actor.system(),
          dossier,
          rules,
          system.get(),
          Optional.empty(),
          false,
          now);
    }
    return workflow.file(context.tenant(), dossier, actor);
  }
}
