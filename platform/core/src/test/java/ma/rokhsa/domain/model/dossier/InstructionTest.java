package ma.rokhsa.domain.model.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ma.rokhsa.domain.RuleViolation;
import ma.rokhsa.domain.model.calendar.Holiday;
import ma.rokhsa.domain.model.calendar.WorkingCalendar;
import ma.rokhsa.plugin.api.procedure.ActingRole;
import ma.rokhsa.plugin.api.procedure.DefinitionLoader;
import ma.rokhsa.plugin.api.procedure.FormValues;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;
import ma.rokhsa.plugin.api.procedure.ProcedureProvider;
import ma.rokhsa.plugin.api.procedure.Workflow.Transition;
import ma.rokhsa.plugin.definitions.YamlDefinitionLoader;
import org.junit.jupiter.api.Test;

class InstructionTest {

  /** Saturdays, Sundays and the days given: enough to check how the rules use a calendar. */
  record Weekdays(Set<LocalDate> closed) implements WorkingCalendar {
    @Override
    public boolean isWorkingDay(LocalDate day) {
      return day.getDayOfWeek() != DayOfWeek.SATURDAY
          && day.getDayOfWeek() != DayOfWeek.SUNDAY
          && !closed.contains(day);
    }

    @Override
    public LocalDate addWorkingDays(LocalDate start, int n) {
      LocalDate day = start;
      for (int left = n; left > 0; ) {
        day = day.plusDays(1);
        if (isWorkingDay(day)) {
          left--;
        }
      }
      return day;
    }

    @Override
    public int workingDaysBetween(LocalDate from, LocalDate to) {
      int count = 0;
      for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
        count += isWorkingDay(d) ? 1 : 0;
      }
      return count;
    }

    @Override
    public List<Holiday> holidays(int year) {
      return List.of();
    }
  }

  static final ProcedureProvider PROVIDER =
      new ProcedureProvider() {
        @Override
        public ProcedureDefinition definition(DefinitionLoader loader) {
          return loader.load("dossier/procedure.yaml");
        }
      };

  static final ProcedureDefinition DEFINITION =
      PROVIDER.definition(new YamlDefinitionLoader(InstructionTest.class.getClassLoader()));

  /** Friday 1 May 2026 is Labour Day; Monday 4 May is a working day. */
  static final LocalDate THURSDAY = LocalDate.of(2026, 4, 30);

  static final Instant NOW = Instant.parse("2026-04-30T10:00:00Z");
  static final FormValues VALUES = FormValues.of(Map.of("surface", 120));
  static final Set<ActingRole> GUICHET = Set.of(ActingRole.GUICHET_AGENT);
  static final Set<ActingRole> SIGNATORY = Set.of(ActingRole.SIGNATORY);

  final Instruction rules =
      new Instruction(DEFINITION, PROVIDER, new Weekdays(Set.of(LocalDate.of(2026, 5, 1))));

  static final Set<ActingRole> MEMBER = Set.of(ActingRole.COMMISSION_MEMBER);

  private Dossier deposited() {
    return deposited(FormContent.of(Map.of("surface", 120)));
  }

  private Dossier deposited(FormContent form) {
    Dossier d =
        Dossier.draft(
            DossierId.random(),
            new ProcedureRef("permis-test", "1.0.0"),
            "demandeur",
            "Karim Benali",
            "k@example.ma",
            "fr",
            form,
            NOW);
    rules.submit(
        d,
        VALUES,
        DossierReference.parse("06.181.01.05-2026-000001").orElseThrow(),
        "ABCDEFGHJKMN",
        "key",
        THURSDAY,
        NOW);
    return d;
  }

  private void take(Dossier d, String action, Set<ActingRole> roles, LocalDate today) {
    rules.move(d, rules.transition(d, action, roles), VALUES, today, NOW);
  }

  @Test
  void theDueDateSkipsWeekendsAndHolidays() {
    Dossier d = deposited();
    assertThat(d.state()).contains("depose");
    assertThat(d.phase()).isEqualTo(Phase.OPEN);
    // Thursday 30 April + 3 working days: Friday 1 May (holiday), the weekend → Mon, Tue, Wed.
    assertThat(d.dueDate()).contains(LocalDate.of(2026, 5, 6));
  }

  @Test
  void complementsStopTheClockAndTheAnswerResumesItWithTheDaysLeft() {
    Dossier d = deposited();
    take(d, "demander-complements", GUICHET, LocalDate.of(2026, 5, 4));
    assertThat(d.state()).contains("complements");
    assertThat(d.suspendedState()).contains("depose");
    assertThat(d.suspendedRemaining()).as("Tue and Wed were left").contains(2);

    take(d, "completer", Set.of(ActingRole.APPLICANT), LocalDate.of(2026, 5, 20));
    assertThat(d.state()).contains("depose");
    assertThat(d.suspendedState()).isEmpty();
    assertThat(d.dueDate())
        .as("two working days after Wed 20 May")
        .contains(LocalDate.of(2026, 5, 22));
  }

  @Test
  void whoMayActIsTheProceduresRoleAndAWrongActionNamesTheAllowedOnes() {
    Dossier d = deposited();
    assertThat(rules.allowed(d, GUICHET))
        .extracting(Transition::action)
        .containsExactly("accepter", "demander-complements");
    assertThat(rules.allowed(d, Set.of(ActingRole.APPLICANT))).isEmpty();
    assertThatThrownBy(() -> rules.transition(d, "decider-favorable", GUICHET))
        .isInstanceOf(RuleViolation.class)
        .satisfies(
            e ->
                assertThat(((RuleViolation) e).allowed())
                    .containsExactly("accepter", "demander-complements"));
  }

  @Test
  void theShapeOfTheWorkflowSaysWhereTheCommissionSitsAndWhoseTurnItIs() {
    assertThat(rules.commissionState("instruction")).isTrue();
    assertThat(rules.commissionState("depose")).isFalse();
    assertThat(rules.commissionState("complements")).isFalse();
    assertThat(rules.applicantTurn("complements")).isTrue();
    assertThat(rules.applicantTurn("decision")).isFalse();
  }

  @Test
  void aBindingUnfavorableAvisLeavesOnlyTheRefusal() {
    Dossier d = deposited();
    d.take(rules, rules.transition(d, "accepter", GUICHET), Optional.empty(), false, THURSDAY, NOW);
    d.giveAvis(rules, "agence-urbaine", Verdict.UNFAVORABLE, "hauteur", "membre", MEMBER, NOW);
    d.giveAvis(rules, "urbanisme", Verdict.FAVORABLE, null, "membre", MEMBER, NOW);
    d.take(rules, d.commissionDone(rules).orElseThrow(), Optional.empty(), false, THURSDAY, NOW);

    assertThat(d.outcome()).contains(Outcome.UNFAVORABLE_BINDING);
    assertThat(rules.allowed(d, SIGNATORY))
        .extracting(Transition::action)
        .containsExactly("decider-defavorable");
    assertThatThrownBy(() -> rules.transition(d, "decider-favorable", SIGNATORY))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("binding");
  }

  @Test
  void aBodyWithAConditionIsAskedOnlyWhenTheDossiersValuesMeetIt() {
    Dossier d = deposited();
    assertThat(
            d.take(
                    rules,
                    rules.transition(d, "accepter", GUICHET),
                    Optional.empty(),
                    false,
                    THURSDAY,
                    NOW)
                .askedAvis())
        .extracting(Avis::bodyId)
        .containsExactly("agence-urbaine", "urbanisme");

    Dossier large = deposited(FormContent.of(Map.of("surface", 1000)));
    assertThat(
            large
                .take(
                    rules,
                    rules.transition(large, "accepter", GUICHET),
                    Optional.empty(),
                    false,
                    THURSDAY,
                    NOW)
                .askedAvis())
        .extracting(Avis::bodyId)
        .containsExactly("agence-urbaine", "urbanisme", "protection-civile");
  }

  @Test
  void anUnfavorableAvisMustBeMotivatedAndIsGivenOnce() {
    Dossier d = deposited();
    assertThatThrownBy(
            () -> d.giveAvis(rules, "urbanisme", Verdict.FAVORABLE, null, "membre", MEMBER, NOW))
        .as("not before the commission yet")
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("not before the commission");
    d.take(rules, rules.transition(d, "accepter", GUICHET), Optional.empty(), false, THURSDAY, NOW);
    assertThatThrownBy(
            () -> d.giveAvis(rules, "urbanisme", Verdict.UNFAVORABLE, " ", "membre", MEMBER, NOW))
        .isInstanceOf(RuleViolation.class);
    assertThatThrownBy(
            () ->
                d.giveAvis(
                    rules, "urbanisme", Verdict.DEEMED_FAVORABLE, null, "membre", MEMBER, NOW))
        .isInstanceOf(RuleViolation.class);
    assertThatThrownBy(
            () ->
                d.giveAvis(
                    rules, "protection-civile", Verdict.FAVORABLE, null, "membre", MEMBER, NOW))
        .as("a body not asked on these values")
        .isInstanceOf(RuleViolation.class)
        .satisfies(
            e ->
                assertThat(((RuleViolation) e).allowed())
                    .containsExactly("agence-urbaine", "urbanisme"));
    Avis given = d.giveAvis(rules, "urbanisme", Verdict.FAVORABLE, null, "membre", MEMBER, NOW);
    assertThat(given.verdict()).contains(Verdict.FAVORABLE);
    assertThat(d.commissionDone(rules)).as("agence-urbaine is still awaited").isEmpty();
    assertThatThrownBy(
            () -> d.giveAvis(rules, "urbanisme", Verdict.FAVORABLE, null, "membre", MEMBER, NOW))
        .as("once")
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("already given");
    d.giveAvis(rules, "agence-urbaine", Verdict.FAVORABLE, null, "membre", MEMBER, NOW);
    assertThat(d.commissionDone(rules))
        .hasValueSatisfying(t -> assertThat(t.action()).isEqualTo("consolider-avis"));
  }

  @Test
  void aPassingDeadlineTakesThePlatformsWayOutOrCountsSilenceAsAcceptance() {
    Dossier d = deposited();
    assertThat(rules.onDeadline(d)).as("the guichet's delay only makes it overdue").isEmpty();
    assertThat(d.overdue(LocalDate.of(2026, 5, 7))).isTrue();
    assertThat(d.overdue(LocalDate.of(2026, 5, 6))).isFalse();

    take(d, "accepter", GUICHET, THURSDAY);
    Instruction.DeadlineMove commission = rules.onDeadline(d).orElseThrow();
    assertThat(commission.transition().action()).isEqualTo("consolider-avis");
    assertThat(commission.tacitApproval()).isFalse();

    rules.move(d, commission.transition(), VALUES, THURSDAY, NOW);
    take(d, "decider-favorable", SIGNATORY, THURSDAY);
    Instruction.DeadlineMove silence = rules.onDeadline(d).orElseThrow();
    assertThat(silence.transition().action()).isEqualTo("signer");
    assertThat(silence.tacitApproval()).isTrue();

    rules.move(d, silence.transition(), VALUES, THURSDAY, NOW);
    assertThat(d.phase()).isEqualTo(Phase.CLOSED);
    assertThat(d.dueDate()).isEmpty();
    assertThat(rules.allowed(d, SIGNATORY)).isEmpty();
  }

  @Test
  void outcomeConsolidatesTheRound() {
    Dossier d = deposited();
    d.take(rules, rules.transition(d, "accepter", GUICHET), Optional.empty(), false, THURSDAY, NOW);
    d.giveAvis(
        rules,
        "agence-urbaine",
        Verdict.FAVORABLE_WITH_RESERVATIONS,
        "extincteurs",
        "m",
        MEMBER,
        NOW);
    assertThat(Outcome.of(d.currentRound()))
        .as("a missing avis counts as favorable")
        .isEqualTo(Outcome.FAVORABLE_WITH_RESERVATIONS);
    d.giveAvis(rules, "urbanisme", Verdict.UNFAVORABLE, "non", "m", MEMBER, NOW);
    assertThat(Outcome.of(d.currentRound())).isEqualTo(Outcome.UNFAVORABLE_ADVISORY);
  }

  @Test
  void aMoveIsTheAggregatesOwnIntoTheCommissionAndOutOfIt() {
    Dossier d = deposited();
    Transition accept = rules.transition(d, "accepter", GUICHET);

    Dossier.Moved in = d.take(rules, accept, Optional.empty(), false, THURSDAY, NOW);

    assertThat(in.from()).isEqualTo("depose");
    assertThat(in.to()).isEqualTo("instruction");
    assertThat(in.decided()).isFalse();
    assertThat(in.askedAvis())
        .as("every consulted body is asked, round 1, due with the state")
        .extracting(Avis::bodyId)
        .containsExactly("agence-urbaine", "urbanisme");
    assertThat(in.askedAvis())
        .allMatch(a -> a.round() == 1 && a.dueDate().equals(d.dueDate().orElseThrow()));

    assertThat(d.avis()).as("the aggregate holds them").isEqualTo(in.askedAvis());
    List<Avis> round = in.askedAvis();
    d.giveAvis(
        rules, "urbanisme", Verdict.FAVORABLE_WITH_RESERVATIONS, "réserves", "m", MEMBER, NOW);
    Transition consolidate = rules.systemTransition("instruction").orElseThrow();
    Dossier.Moved out = d.take(rules, consolidate, Optional.empty(), false, THURSDAY, NOW);

    assertThat(out.to()).isEqualTo("decision");
    assertThat(out.askedAvis()).isEmpty();
    assertThat(round.get(0).verdict()).as("the missing avis").contains(Verdict.DEEMED_FAVORABLE);
    assertThat(d.outcome()).contains(Outcome.FAVORABLE_WITH_RESERVATIONS);

    Dossier.Moved decided =
        d.take(
            rules,
            rules.transition(d, "decider-defavorable", SIGNATORY),
            Optional.of("Hauteur non conforme."),
            false,
            THURSDAY,
            NOW);
    assertThat(decided.decided()).isTrue();
    assertThat(d.decisionMotivation()).contains("Hauteur non conforme.");
    assertThat(d.phase()).isEqualTo(Phase.CLOSED);
  }

  @Test
  void aHolidayAnnouncedLaterMovesTheDueDateAndTheAvisAwaited() {
    Dossier d = deposited();
    Dossier.Moved in =
        d.take(
            rules,
            rules.transition(d, "accepter", GUICHET),
            Optional.empty(),
            false,
            THURSDAY,
            NOW);
    LocalDate due = d.dueDate().orElseThrow();
    assertThat(d.deadline())
        .hasValueSatisfying(dl -> assertThat(dl.countedFrom()).isEqualTo(THURSDAY));
    assertThat(d.recountDeadline(new Weekdays(Set.of(LocalDate.of(2026, 5, 1)))))
        .as("the same calendar: nothing moves")
        .isEmpty();

    // Monday 4 May is announced closed.
    WorkingCalendar announced =
        new Weekdays(Set.of(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 4)));
    assertThat(d.recountDeadline(announced)).contains(due);

    assertThat(d.dueDate())
        .contains(announced.addWorkingDays(THURSDAY, d.deadline().orElseThrow().workingDays()));
    assertThat(d.dueDate().orElseThrow()).isAfter(due);
    assertThat(in.askedAvis()).allMatch(a -> a.dueDate().equals(d.dueDate().orElseThrow()));
  }
}
