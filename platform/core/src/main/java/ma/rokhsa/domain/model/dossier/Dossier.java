package ma.rokhsa.domain.model.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ma.rokhsa.domain.RuleViolation;
import ma.rokhsa.domain.model.calendar.WorkingCalendar;
import ma.rokhsa.domain.model.tenant.TenantOwned;
import ma.rokhsa.plugin.api.procedure.ActingRole;
import ma.rokhsa.plugin.api.procedure.FormValues;
import ma.rokhsa.plugin.api.procedure.Workflow.Transition;

/**
 * A dossier: what an applicant asks for under one version of one procedure, in one tenant. The
 * aggregate root: its state changes only through these methods, which keep the phase, the state,
 * the legal due date and the suspension of the clock consistent. Which moves the procedure allows
 * is decided by {@link Instruction}.
 */
@Entity
@Table(name = "dossier")
public class Dossier extends TenantOwned {

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "procedure_id", nullable = false, length = 100)
  private String procedureId;

  @Column(name = "procedure_version", nullable = false, length = 50)
  private String procedureVersion;

  @Column(name = "owner", nullable = false, length = 100)
  private String owner;

  @Column(name = "deposited_by", nullable = false, length = 100)
  private String depositedBy;

  @Column(name = "applicant_name", nullable = false, length = 200)
  private String applicantName;

  @Column(name = "contact_email", nullable = false, length = 254)
  private String contactEmail;

  @Column(name = "language", nullable = false, length = 2)
  private String language;

  @Column(name = "form_values", nullable = false, length = 200000)
  private String formValues;

  @Enumerated(EnumType.STRING)
  @Column(name = "phase", nullable = false, length = 16)
  private Phase phase;

  @Column(name = "state", length = 64)
  private String state;

  @Column(name = "reference", length = 80)
  private String reference;

  @Column(name = "tracking_code", length = 32)
  private String trackingCode;

  @Column(name = "submit_key", length = 200)
  private String submitKey;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "submitted_at")
  private OffsetDateTime submittedAt;

  @Column(name = "state_entered_at")
  private OffsetDateTime stateEnteredAt;

  @Column(name = "due_date")
  private LocalDate dueDate;

  @Column(name = "due_from")
  private LocalDate dueFrom;

  @Column(name = "due_working_days")
  private Integer dueWorkingDays;

  @Column(name = "suspended_state", length = 64)
  private String suspendedState;

  @Column(name = "suspended_remaining")
  private Integer suspendedRemaining;

  @Column(name = "outcome", length = 40)
  private String outcome;

  @Column(name = "decision_motivation", length = 8000)
  private String decisionMotivation;

  @Column(name = "tacit", nullable = false)
  private boolean tacit;

  // The legal clock's marks (written by bulk update, which moves the version): the due date it
  // found with no way out, and its failures with the time it tries again.
  @Column(name = "clock_skipped_due")
  private LocalDate clockSkippedDue;

  @Column(name = "clock_failures", nullable = false)
  private int clockFailures;

  @Column(name = "clock_retry_after")
  private OffsetDateTime clockRetryAfter;

  @Column(name = "clock_problem", length = 500)
  private String clockProblem;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Dossier() {
    // for JPA
  }

  /**
   * A new draft.
   *
   * @param owner the account the dossier belongs to (the applicant's, or the architect's acting for
   *     them)
   * @param applicantName who asks: the person or company named in the authorization
   */
  public static Dossier draft(
      DossierId id,
      String procedureId,
      String procedureVersion,
      String owner,
      String applicantName,
      String contactEmail,
      String language,
      String formValues,
      Instant now) {
    Dossier d = new Dossier();
    d.id = id.value();
    d.procedureId = Objects.requireNonNull(procedureId);
    d.procedureVersion = Objects.requireNonNull(procedureVersion);
    d.owner = Objects.requireNonNull(owner);
    d.depositedBy = owner;
    d.applicantName = requireText(applicantName, "the applicant's name");
    d.contactEmail = requireText(contactEmail, "a contact e-mail");
    d.language = "ar".equals(language) ? "ar" : "fr";
    d.formValues = Objects.requireNonNull(formValues);
    d.phase = Phase.DRAFT;
    d.createdAt = utc(now);
    d.updatedAt = d.createdAt;
    return d;
  }

  private static String requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a dossier needs " + what);
    }
    return value.strip();
  }

  private static OffsetDateTime utc(Instant now) {
    return now.atOffset(ZoneOffset.UTC);
  }

  /**
   * Replaces the form's values: while a draft, or when the procedure gives the applicant a turn.
   */
  public void replaceValues(String values, Instant now) {
    if (phase == Phase.CLOSED) {
      throw new RuleViolation("dossier " + describe() + " is closed: nothing can change");
    }
    this.formValues = Objects.requireNonNull(values);
    this.updatedAt = utc(now);
  }

  /** Changes the contact details of a draft. */
  public void changeContact(String applicantName, String contactEmail, String language) {
    requireDraft("change the applicant");
    this.applicantName = requireText(applicantName, "the applicant's name");
    this.contactEmail = requireText(contactEmail, "a contact e-mail");
    this.language = "ar".equals(language) ? "ar" : "fr";
  }

  /**
   * Moves a draft to another version of its procedure (the one new deposits follow when it is
   * submitted).
   */
  public void repin(String version) {
    requireDraft("change its procedure version");
    this.procedureVersion = Objects.requireNonNull(version);
  }

  /** Deposits the draft: it gets its reference and enters the procedure's first state. */
  public void submit(
      DossierReference reference,
      String trackingCode,
      String submitKey,
      String initialState,
      Instant now) {
    requireDraft("submit");
    this.reference = reference.value();
    this.trackingCode = Objects.requireNonNull(trackingCode);
    this.submitKey = submitKey;
    this.submittedAt = utc(now);
    this.phase = Phase.OPEN;
    this.state = Objects.requireNonNull(initialState);
    this.stateEnteredAt = submittedAt;
    this.updatedAt = submittedAt;
  }

  /**
   * Enters a state of the procedure.
   *
   * @param terminal whether the dossier's life ends there
   * @param due the legal date to leave it, when it has one
   */
  void enter(String newState, boolean terminal, Optional<Deadline> due, Instant now) {
    if (phase != Phase.OPEN) {
      throw new RuleViolation("dossier " + describe() + " is " + phase + ": it cannot move");
    }
    this.state = newState;
    this.stateEnteredAt = utc(now);
    this.updatedAt = stateEnteredAt;
    extendDue(due);
    // A new state, a new deadline: whatever the legal clock noted about the old one is moot.
    this.clockSkippedDue = null;
    this.clockFailures = 0;
    this.clockRetryAfter = null;
    this.clockProblem = null;
    if (terminal) {
      this.phase = Phase.CLOSED;
      extendDue(Optional.empty());
      this.suspendedState = null;
      this.suspendedRemaining = null;
    }
  }

  /**
   * Takes a way of its procedure's workflow, as the rules of its version say: closes the commission
   * round it leaves (the avis still awaited are deemed favorable, the outcome consolidated), enters
   * the new state with its deadline (stopping or resuming the administration's clock), records a
   * decision (the authority's motivated move, or a tacit approval), and asks every consulted body
   * its avis when the new state gathers them.
   *
   * @param rules the rules of the procedure version the dossier is instructed under
   * @param currentRound the avis of the current round (empty before the first)
   * @return what the move did; the avis it asks are to be stored
   */
  public Moved take(
      Instruction rules,
      Transition t,
      List<Avis> currentRound,
      FormValues values,
      Optional<String> note,
      boolean tacitly,
      LocalDate today,
      Instant now) {
    String from = state().orElseThrow();
    if (rules.commissionState(from)) {
      for (Avis a : currentRound) {
        if (a.verdict().isEmpty()) {
          rules.give(a, Verdict.DEEMED_FAVORABLE, null, "system", now);
        }
      }
      rules.consolidate(this, currentRound);
    }
    rules.move(this, t, values, today, now);
    boolean decided = (t.by() == ActingRole.SIGNATORY && note.isPresent()) || tacitly;
    if (decided) {
      rules.decide(this, note.orElse(null), tacitly);
    }
    List<Avis> asked = List.of();
    if (rules.commissionState(t.to())) {
      int round = currentRound.stream().mapToInt(Avis::round).max().orElse(0) + 1;
      asked = rules.requestAvis(this, values, round, now);
    }
    return new Moved(from, t.to(), decided, asked);
  }

  /**
   * What a move did.
   *
   * @param decided whether it recorded a decision
   * @param askedAvis the avis asked of the consulted bodies on entering a commission state
   */
  public record Moved(String from, String to, boolean decided, List<Avis> askedAvis) {}

  /** Stops the administration's clock on {@code interrupted}, with the working days it had left. */
  void suspend(String interrupted, int remainingWorkingDays) {
    this.suspendedState = interrupted;
    this.suspendedRemaining = Math.max(remainingWorkingDays, 0);
  }

  /** Forgets a suspension (the clock resumed, or the dossier went elsewhere). */
  void clearSuspension() {
    this.suspendedState = null;
    this.suspendedRemaining = null;
  }

  void consolidate(Outcome outcome) {
    this.outcome = outcome.name();
  }

  void decide(String motivation, boolean tacitly) {
    this.decisionMotivation = motivation;
    this.tacit = tacitly;
  }

  void extendDue(Optional<Deadline> due) {
    this.dueDate = due.map(Deadline::date).orElse(null);
    this.dueFrom = due.map(Deadline::countedFrom).orElse(null);
    this.dueWorkingDays = due.map(Deadline::workingDays).orElse(null);
  }

  /**
   * The legal deadline of the current state, when it has one and the platform knows how it was
   * counted (dossiers deposited before the count was kept know only the date).
   */
  public Optional<Deadline> deadline() {
    if (dueDate == null || dueFrom == null || dueWorkingDays == null) {
      return Optional.empty();
    }
    return Optional.of(new Deadline(dueFrom, dueWorkingDays, dueDate));
  }

  /**
   * Counts the deadline again in the tenant's calendar as it is now (a holiday announced after the
   * date was counted); the avis still awaited, due with the dossier, follow.
   *
   * @param avis the dossier's avis
   * @return the former due date, when it moved
   */
  public Optional<LocalDate> recountDeadline(WorkingCalendar calendar, List<Avis> avis) {
    Optional<Deadline> current = deadline();
    if (phase != Phase.OPEN || current.isEmpty()) {
      return Optional.empty();
    }
    Deadline recounted = current.get().recount(calendar);
    if (recounted.date().equals(dueDate)) {
      return Optional.empty();
    }
    LocalDate former = dueDate;
    extendDue(Optional.of(recounted));
    for (Avis a : avis) {
      a.followDue(former, dueDate);
    }
    return Optional.of(former);
  }

  private void requireDraft(String what) {
    if (phase != Phase.DRAFT) {
      throw new RuleViolation(
          "dossier " + describe() + " is already deposited: cannot " + what + " again");
    }
  }

  /** The reference once deposited, otherwise the id. */
  public String describe() {
    return reference != null ? reference : id;
  }

  /** Whether its legal deadline passed (the due date is over) while it is open. */
  public boolean overdue(LocalDate today) {
    return phase == Phase.OPEN && dueDate != null && today.isAfter(dueDate);
  }

  public DossierId id() {
    return DossierId.of(id);
  }

  public String procedureId() {
    return procedureId;
  }

  public String procedureVersion() {
    return procedureVersion;
  }

  public String owner() {
    return owner;
  }

  public String depositedBy() {
    return depositedBy;
  }

  public String applicantName() {
    return applicantName;
  }

  public String contactEmail() {
    return contactEmail;
  }

  public String language() {
    return language;
  }

  public String formValues() {
    return formValues;
  }

  public Phase phase() {
    return phase;
  }

  public Optional<String> state() {
    return Optional.ofNullable(state);
  }

  public Optional<String> reference() {
    return Optional.ofNullable(reference);
  }

  public Optional<String> trackingCode() {
    return Optional.ofNullable(trackingCode);
  }

  public Optional<String> submitKey() {
    return Optional.ofNullable(submitKey);
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }

  public Instant updatedAt() {
    return updatedAt.toInstant();
  }

  public Optional<Instant> submittedAt() {
    return Optional.ofNullable(submittedAt).map(OffsetDateTime::toInstant);
  }

  public Optional<Instant> stateEnteredAt() {
    return Optional.ofNullable(stateEnteredAt).map(OffsetDateTime::toInstant);
  }

  public Optional<LocalDate> dueDate() {
    return Optional.ofNullable(dueDate);
  }

  public Optional<String> suspendedState() {
    return Optional.ofNullable(suspendedState);
  }

  public Optional<Integer> suspendedRemaining() {
    return Optional.ofNullable(suspendedRemaining);
  }

  public Optional<Outcome> outcome() {
    return Optional.ofNullable(outcome).map(Outcome::valueOf);
  }

  public Optional<String> decisionMotivation() {
    return Optional.ofNullable(decisionMotivation);
  }

  public boolean tacit() {
    return tacit;
  }

  /** The legal clock's failures on this dossier since it last moved. */
  public int clockFailures() {
    return clockFailures;
  }

  /** Why the legal clock could not handle this dossier, if it failed. */
  public Optional<String> clockProblem() {
    return Optional.ofNullable(clockProblem);
  }

  public long version() {
    return version;
  }
}
