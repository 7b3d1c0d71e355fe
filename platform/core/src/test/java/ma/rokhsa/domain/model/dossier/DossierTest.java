package ma.rokhsa.domain.model.dossier;

import static ma.rokhsa.domain.model.dossier.InstructionTest.DEFINITION;
import static ma.rokhsa.domain.model.dossier.InstructionTest.NOW;
import static ma.rokhsa.domain.model.dossier.InstructionTest.PROVIDER;
import static ma.rokhsa.domain.model.dossier.InstructionTest.THURSDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ma.rokhsa.domain.RuleViolation;
import ma.rokhsa.domain.model.document.StoredContent;
import ma.rokhsa.plugin.api.procedure.ActingRole;
import ma.rokhsa.plugin.api.procedure.DocumentRequirement;
import ma.rokhsa.plugin.api.procedure.Workflow.Transition;
import org.junit.jupiter.api.Test;

/** The aggregate's own rules on what it owns: complements, files, avis rounds. */
class DossierTest {

  static final Set<ActingRole> GUICHET = Set.of(ActingRole.GUICHET_AGENT);
  static final Set<ActingRole> APPLICANT = Set.of(ActingRole.APPLICANT);
  static final Set<ActingRole> MEMBER = Set.of(ActingRole.COMMISSION_MEMBER);
  static final LocalDate MONDAY = LocalDate.of(2026, 5, 4);

  final Instruction rules =
      new Instruction(
          DEFINITION, PROVIDER, new InstructionTest.Weekdays(Set.of(LocalDate.of(2026, 5, 1))));
  final DocumentRequirement plan = DEFINITION.documents().get(0);

  private Dossier draft() {
    return Dossier.draft(
        DossierId.random(),
        new ProcedureRef("permis-test", "1.0.0"),
        "demandeur",
        "Karim Benali",
        "k@example.ma",
        "fr",
        FormContent.of(Map.of("surface", 120)),
        NOW);
  }

  private Dossier deposited(Dossier d) {
    rules.submit(
        d,
        d.values(),
        DossierReference.parse("06.181.01.05-2026-000001").orElseThrow(),
        "ABCDEFGHJKMN",
        "key",
        THURSDAY,
        NOW);
    return d;
  }

  private static StoredContent file(char c) {
    return new StoredContent(String.valueOf(c).repeat(64), 1000, "application/pdf");
  }

  private Transition way(Dossier d, String action, Set<ActingRole> roles) {
    return rules.transition(d, action, roles);
  }

  @Test
  void aDraftTakesADocumentsCountOfFilesAndGivesThemBack() {
    Dossier d = draft();
    Attachment first = d.attach(rules, plan, "../../plan.pdf", file('a'), "demandeur", NOW);

    assertThat(d.attachments()).containsExactly(first);
    assertThat(first.fileName()).as("no path").isEqualTo("plan.pdf");
    assertThat(first.dossierId()).isEqualTo(d.id());
    assertThat(d.currentFiles("plan")).containsExactly(first);
    assertThatThrownBy(() -> d.attach(rules, plan, "autre.pdf", file('b'), "demandeur", NOW))
        .as("plan takes one file while a draft")
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("at most 1");

    d.detach(rules, first);
    assertThat(d.attachments()).isEmpty();
    assertThatThrownBy(() -> d.detach(rules, first)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void answeringComplementsAFileReplacesTheOldestWhichStaysOnFile() {
    Dossier d = draft();
    Attachment old = d.attach(rules, plan, "plan.pdf", file('a'), "demandeur", NOW);
    deposited(d);
    assertThatThrownBy(() -> d.attach(rules, plan, "plan-2.pdf", file('b'), "demandeur", NOW))
        .as("deposited, and not the applicant's turn")
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("only while a draft or when complements");

    d.requestComplements(
        rules,
        way(d, "demander-complements", GUICHET),
        "[{\"item\":\"plan\",\"reason\":\"illisible\"}]",
        "plan: illisible",
        "agent",
        MONDAY,
        NOW);
    Attachment replacement =
        d.attach(rules, plan, "plan-2.pdf", file('b'), "demandeur", NOW.plusSeconds(60));

    assertThat(d.attachments()).containsExactly(old, replacement);
    assertThat(old.current()).isFalse();
    assertThat(old.supersededAt()).contains(NOW.plusSeconds(60));
    assertThat(d.currentFiles("plan")).containsExactly(replacement);
    assertThatThrownBy(() -> d.detach(rules, replacement))
        .as("a deposited document stays on file")
        .isInstanceOf(RuleViolation.class);
  }

  @Test
  void complementsAreAskedOnTheGuichetsWayAndAnsweredOnTheApplicants() {
    Dossier d = deposited(draft());
    assertThatThrownBy(
            () ->
                d.requestComplements(
                    rules, way(d, "accepter", GUICHET), "[]", "", "agent", MONDAY, NOW))
        .as("accepting asks nothing")
        .isInstanceOf(RuleViolation.class);

    Dossier.Moved asked =
        d.requestComplements(
            rules,
            way(d, "demander-complements", GUICHET),
            "[{\"item\":\"plan\",\"reason\":\"illisible\"}]",
            "plan: illisible",
            "agent",
            MONDAY,
            NOW);

    assertThat(asked.to()).isEqualTo("complements");
    assertThat(d.complements()).hasSize(1);
    ComplementRequest request = d.complements().get(0);
    assertThat(request.items()).contains("illisible");
    assertThat(request.requestedBy()).isEqualTo("agent");
    assertThat(d.openComplements()).containsExactly(request);
    assertThat(d.suspendedState()).contains("depose");

    d.replaceValues(rules, FormContent.of(Map.of("surface", 130)), NOW);
    assertThat(d.values().number("surface"))
        .hasValueSatisfying(n -> assertThat(n).isEqualTo("130"));

    Transition complete = way(d, "completer", APPLICANT);
    assertThatThrownBy(
            () -> d.requestComplements(rules, complete, "[]", "", "demandeur", MONDAY, NOW))
        .isInstanceOf(RuleViolation.class);
    Dossier.Moved answered =
        d.answerComplements(
            rules, complete, "Plan refait.", Optional.of("Plan refait."), MONDAY, NOW);

    assertThat(answered.to()).isEqualTo("depose");
    assertThat(request.answerText()).contains("Plan refait.");
    assertThat(request.answeredAt()).contains(NOW);
    assertThat(d.openComplements()).isEmpty();
    assertThat(d.suspendedState()).as("the clock resumed").isEmpty();
    assertThatThrownBy(() -> d.replaceValues(rules, FormContent.empty(), NOW))
        .as("no longer the applicant's turn")
        .isInstanceOf(RuleViolation.class);
  }

  @Test
  void leavingTheCommissionDeemsTheAvisAwaitedFavorableAndClosesTheRound() {
    Dossier d = deposited(draft());
    d.take(rules, way(d, "accepter", GUICHET), Optional.empty(), false, THURSDAY, NOW);
    d.giveAvis(rules, "agence-urbaine", Verdict.FAVORABLE, null, "membre", MEMBER, NOW);

    Dossier.Moved out =
        d.take(
            rules,
            rules.onDeadline(d).orElseThrow().transition(),
            Optional.of("délai expiré"),
            false,
            THURSDAY,
            NOW);

    assertThat(out.to()).isEqualTo("decision");
    assertThat(d.avis())
        .extracting(
            a -> a.bodyId() + "=" + a.verdict().orElseThrow() + " by " + a.givenBy().orElseThrow())
        .containsExactly(
            "agence-urbaine=FAVORABLE by membre", "urbanisme=DEEMED_FAVORABLE by system");
    assertThat(d.outcome()).contains(Outcome.FAVORABLE);
    assertThatThrownBy(
            () -> d.giveAvis(rules, "urbanisme", Verdict.FAVORABLE, null, "membre", MEMBER, NOW))
        .as("the round is closed")
        .isInstanceOf(RuleViolation.class)
        .satisfies(
            e ->
                assertThat(((RuleViolation) e).allowed())
                    .as("what a member may do instead: nothing")
                    .isEmpty());
  }

  @Test
  void aFileSupportsTheAvisOfABodyAskedNow() {
    Dossier d = deposited(draft());
    assertThatThrownBy(() -> d.attachToAvis("urbanisme", "avis.pdf", file('c'), "membre", NOW))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("no avis of urbanisme");
    d.take(rules, way(d, "accepter", GUICHET), Optional.empty(), false, THURSDAY, NOW);

    Attachment a = d.attachToAvis("urbanisme", "avis.pdf", file('c'), "membre", NOW);

    assertThat(a.documentId()).isEqualTo(Dossier.AVIS_DOCUMENT);
    assertThat(a.avisBody()).contains("urbanisme");
    assertThat(d.attachments()).containsExactly(a);
  }

  @Test
  void theCommissionIsRemindedOnceOfTheAvisComingDue() {
    Dossier d = deposited(draft());
    d.take(rules, way(d, "accepter", GUICHET), Optional.empty(), false, THURSDAY, NOW);
    d.giveAvis(rules, "urbanisme", Verdict.FAVORABLE, null, "membre", MEMBER, NOW);
    LocalDate due = d.dueDate().orElseThrow();
    var calendar = new InstructionTest.Weekdays(Set.of());

    assertThat(d.remindAvis(calendar, THURSDAY, 2, NOW)).as("not due within 2 days").isEmpty();
    assertThat(d.remindAvis(calendar, due, 2, NOW))
        .extracting(Avis::bodyId)
        .as("only the one awaited")
        .containsExactly("agence-urbaine");
    assertThat(d.remindAvis(calendar, due, 2, NOW)).as("once").isEmpty();
    assertThat(d.remindAvis(calendar, due.plusDays(1), 2, NOW)).as("past due").isEmpty();
  }

  @Test
  void aDraftIsRepinnedOnlyToAVersionOfItsProcedure() {
    Dossier d = draft();
    d.repin(new ProcedureRef("permis-test", "1.1.0"));
    assertThat(d.procedure()).isEqualTo(new ProcedureRef("permis-test", "1.1.0"));
    assertThatThrownBy(() -> d.repin(new ProcedureRef("autre", "1.1.0")))
        .isInstanceOf(IllegalArgumentException.class);
    deposited(d);
    assertThatThrownBy(() -> d.repin(new ProcedureRef("permis-test", "1.2.0")))
        .isInstanceOf(RuleViolation.class);
  }
}
