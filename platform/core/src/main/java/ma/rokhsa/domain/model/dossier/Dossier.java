package ma.rokhsa.domain.model.dossier;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import ma.rokhsa.domain.RuleViolation;
import ma.rokhsa.domain.model.calendar.WorkingCalendar;
import ma.rokhsa.domain.model.document.StoredContent;
import ma.rokhsa.domain.model.tenant.TenantOwned;
import ma.rokhsa.plugin.api.procedure.ActingRole;
import ma.rokhsa.plugin.api.procedure.DocumentRequirement;
import ma.rokhsa.plugin.api.procedure.FormValues;
import ma.rokhsa.plugin.api.procedure.Workflow.Transition;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * A dossier: what an applicant asks for under one version of one procedure, in one tenant. The
 * aggregate root: it owns what changes with it — the consulted bodies' avis, round by round, the
 * complement requests, the attached files and the decision — and its state changes only through
 * these methods, which keep the phase, the state, the legal due date, the suspension of the clock
 * and its children consistent. Each is given the rules of the procedure version ({@link
 * Instruction}): which moves it allows, what a state's deadline is. Services load it, call one of
 * these methods and store it; JPA writes the children with it (ADR 0017).
 */
@Entity
@Table(name = "dossier")
public class Dossier extends TenantOwned {

  /** Who the platform acts as, when it acts itself (an avis deemed favorable). */
  public static final String SYSTEM = "system";

  /** The document id of a file attached to a body's avis. */
  public static final String AVIS_DOCUMENT = "avis";

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

  // JSON in the column, read once when the dossier is loaded (FormContentColumn, auto-applied).
  @Column(name = "form_values", nullable = false, length = 200000)
  private FormContent form;

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

  // Its children: loaded when first read (a list of dossiers never reads them), all of a page's
  // dossiers at once if they are (IN batch); each child is tenant-owned, so EclipseLink's tenant
  // criteria apply to these loads as to any query. Written and deleted with the dossier.
  @OneToMany(mappedBy = "dossier", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("round ASC, id ASC")
  @BatchFetch(BatchFetchType.IN)
  private List<Avis> avis = new ArrayList<>();

  @OneToMany(mappedBy = "dossier", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("id ASC")
  @BatchFetch(BatchFetchType.IN)
  private List<ComplementRequest> complements = new ArrayList<>();

  @OneToMany(mappedBy = "dossier", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("id ASC")
  @BatchFetch(BatchFetchType.IN)
  private List<Attachment> attachments = new ArrayList<>();

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
      ProcedureRef procedure,
      String owner,
      String applicantName,
      String contactEmail,
      String language,
      FormContent form,
      Instant now) {
    Dossier d = new Dossier();
    d.id = id.value();
    d.procedureId = procedure.id();
    d.procedureVersion = procedure.version();
    d.owner = Objects.requireNonNull(owner);
    d.depositedBy = owner;
    d.applicantName = requireText(applicantName, "the applicant's name");
    d.contactEmail = requireText(contactEmail, "a contact e-mail");
    d.language = "ar".equals(language) ? "ar" : "fr";
    d.form = Objects.requireNonNull(form);
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
   *
   * @throws RuleViolation otherwise
   */
  public void replaceValues(Instruction rules, FormContent values, Instant now) {
    requireApplicantMayEdit(rules);
    this.form = Objects.requireNonNull(values);
    this.updatedAt = utc(now);
  }

  /**
   * Checks that the applicant may change the dossier now: while a draft, or when the procedure
   * gives them a turn (complements).
   *
   * @throws RuleViolation otherwise
   */
  public void requireApplicantMayEdit(Instruction rules) {
    if (phase == Phase.DRAFT) {
      return;
    }
    if (phase != Phase.OPEN || !rules.applicantTurn(state)) {
      throw new RuleViolation(
          "dossier "
              + describe()
              + " can be changed only while a draft or when complements"
              + " are asked");
    }
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
  public void repin(ProcedureRef current) {
    requireDraft("change its procedure version");
    if (!current.id().equals(procedureId)) {
      throw new IllegalArgumentException(current + " is not a version of " + procedureId);
    }
    this.procedureVersion = current.version();
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

  // ---- moves -----------------------------------------------------------------------------------

  /**
   * Takes a way of its procedure's workflow, as the rules of its version say: closes the commission
   * round it leaves (the avis still awaited are deemed favorable, the outcome consolidated), enters
   * the new state with its deadline (stopping or resuming the administration's clock), records a
   * decision (the authority's motivated move, or a tacit approval), and asks every consulted body
   * its avis when the new state gathers them.
   *
   * @param rules the rules of the procedure version the dossier is instructed under
   * @param note why: the motivation of a decision, the deadline that passed
   * @param tacitly whether the platform takes it because silence counts as acceptance
   * @return what the move did
   */
  public Moved take(
      Instruction rules,
      Transition t,
      Optional<String> note,
      boolean tacitly,
      LocalDate today,
      Instant now) {
    String from = state().orElseThrow();
    if (rules.commissionState(from)) {
      closeRound(now);
    }
    rules.move(this, t, values(), today, now);
    boolean decided = (t.by() == ActingRole.SIGNATORY && note.isPresent()) || tacitly;
    if (decided) {
      this.decisionMotivation = note.orElse(null);
      this.tacit = tacitly;
    }
    List<Avis> asked = List.of();
    if (rules.commissionState(t.to())) {
      asked = askAvis(rules, now);
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

  /** The round leaves the commission: an avis still awaited is deemed favorable; consolidated. */
  private void closeRound(Instant now) {
    List<Avis> round = currentRound();
    for (Avis a : round) {
      if (a.awaited()) {
        a.give(Verdict.DEEMED_FAVORABLE, null, SYSTEM, now);
      }
    }
    this.outcome = Outcome.of(round).name();
  }

  /** A new round: every body consulted on these values (its {@code when} decides), due with us. */
  private List<Avis> askAvis(Instruction rules, Instant now) {
    int round = avis.stream().mapToInt(Avis::round).max().orElse(0) + 1;
    LocalDate due = dueDate().orElseThrow();
    List<Avis> asked =
        rules.workflow().consultedBodies(values()).stream()
            .map(b -> Avis.request(this, round, b.id(), b.binding(), due, now))
            .toList();
    avis.addAll(asked);
    return asked;
  }

  /** The avis of the latest round (empty before the first). */
  public List<Avis> currentRound() {
    int round = avis.stream().mapToInt(Avis::round).max().orElse(0);
    return avis.stream().filter(a -> a.round() == round).toList();
  }

  // ---- complements -----------------------------------------------------------------------------

  /**
   * The guichet asks the applicant to complete the dossier and takes the way to the applicant's
   * turn: the request is recorded with the items asked (JSON), the administration's clock stops.
   *
   * @param itemsJson each item asked for and why, as a JSON array of {item, reason}
   * @param note the items in a line, for the timeline
   * @throws RuleViolation if the way is not a request for complements
   */
  public Moved requestComplements(
      Instruction rules,
      Transition t,
      String itemsJson,
      String note,
      String by,
      LocalDate today,
      Instant now) {
    if (!rules.asksComplements(t)) {
      throw new RuleViolation("'" + t.action() + "' does not ask the applicant for complements");
    }
    complements.add(ComplementRequest.of(this, Objects.requireNonNull(itemsJson), by, now));
    return take(rules, t, Optional.ofNullable(note), false, today, now);
  }

  /**
   * The applicant answers the complements asked and takes the way out of their turn: every request
   * still open is answered with the same text, the administration's clock resumes.
   *
   * @throws RuleViolation if the way is not the applicant's out of their turn
   */
  public Moved answerComplements(
      Instruction rules,
      Transition t,
      String answer,
      Optional<String> note,
      LocalDate today,
      Instant now) {
    if (!rules.answersComplements(t)) {
      throw new RuleViolation("'" + t.action() + "' does not answer complements");
    }
    for (ComplementRequest c : complements) {
      if (c.open()) {
        c.answer(answer, now);
      }
    }
    return take(rules, t, note, false, today, now);
  }

  /** The requests the applicant has not answered yet. */
  public List<ComplementRequest> openComplements() {
    return complements.stream().filter(ComplementRequest::open).toList();
  }

  // ---- avis ------------------------------------------------------------------------------------

  /**
   * A consulted body gives its avis: only a body asked in the current round, while the dossier is
   * before the commission, and once.
   *
   * @param roles the roles in which the caller acts on the dossier (to name what they may do
   *     instead)
   * @return the avis given
   * @throws RuleViolation if the dossier is not before the commission, the body is not consulted,
   *     or has given its avis already
   */
  public Avis giveAvis(
      Instruction rules,
      String body,
      Verdict verdict,
      String motivation,
      String by,
      Set<ActingRole> roles,
      Instant now) {
    if (phase != Phase.OPEN || !rules.commissionState(state)) {
      throw new RuleViolation(
          "dossier " + describe() + " is not before the commission",
          rules.allowed(this, roles).stream().map(Transition::action).toList());
    }
    List<Avis> round = currentRound();
    Avis avis =
        round.stream()
            .filter(a -> a.bodyId().equals(body))
            .findFirst()
            .orElseThrow(
                () ->
                    new RuleViolation(
                        "body '" + body + "' is not consulted on this dossier",
                        round.stream().map(Avis::bodyId).toList()));
    if (verdict == Verdict.DEEMED_FAVORABLE && !SYSTEM.equals(by)) {
      throw new RuleViolation("only the platform records an avis as deemed favorable");
    }
    avis.give(verdict, motivation, by, now);
    return avis;
  }

  /**
   * The platform's way out of the commission, when every body of the round has given its avis and
   * the procedure lets the platform consolidate.
   */
  public Optional<Transition> commissionDone(Instruction rules) {
    if (phase != Phase.OPEN || !rules.commissionState(state)) {
      return Optional.empty();
    }
    if (currentRound().stream().anyMatch(Avis::awaited)) {
      return Optional.empty();
    }
    return rules.systemTransition(state);
  }

  /**
   * Notes a reminder for the avis awaited of the current round, not reminded yet, due within {@code
   * withinWorkingDays} (and not past due).
   *
   * @return the avis reminded
   */
  public List<Avis> remindAvis(
      WorkingCalendar calendar, LocalDate today, int withinWorkingDays, Instant now) {
    if (phase != Phase.OPEN) {
      return List.of();
    }
    List<Avis> due =
        currentRound().stream()
            .filter(a -> a.awaited() && a.remindedAt().isEmpty())
            .filter(
                a ->
                    !a.dueDate().isBefore(today)
                        && calendar.workingDaysBetween(today, a.dueDate()) <= withinWorkingDays)
            .toList();
    for (Avis a : due) {
      a.reminded(now);
    }
    return due;
  }

  // ---- files -----------------------------------------------------------------------------------

  /**
   * The applicant attaches a file to one of the procedure's documents: while a draft, up to the
   * document's count; when answering complements, a file beyond the count replaces the oldest
   * (which stays on file, superseded).
   *
   * @throws RuleViolation if the applicant may not change the dossier now, or a draft's document
   *     has its count
   */
  public Attachment attach(
      Instruction rules,
      DocumentRequirement document,
      String fileName,
      StoredContent stored,
      String by,
      Instant now) {
    requireApplicantMayEdit(rules);
    List<Attachment> current = currentFiles(document.id());
    if (current.size() >= document.maxCount()) {
      if (phase == Phase.DRAFT) {
        throw new RuleViolation(
            "document " + document.id() + " takes at most " + document.maxCount() + " file(s)");
      }
      current.get(0).supersede(now);
    }
    Attachment a =
        Attachment.of(
            this,
            document.id(),
            Optional.empty(),
            fileName,
            stored.mediaType(),
            stored.size(),
            stored.sha256(),
            by,
            now);
    attachments.add(a);
    this.updatedAt = utc(now);
    return a;
  }

  /**
   * A commission member attaches a file to the avis of a body asked in the current round.
   *
   * @throws RuleViolation if no avis of that body is asked now
   */
  public Attachment attachToAvis(
      String body, String fileName, StoredContent stored, String by, Instant now) {
    if (currentRound().stream().noneMatch(a -> a.bodyId().equals(body))) {
      throw new RuleViolation("no avis of " + body + " is asked on dossier " + describe() + " now");
    }
    Attachment a =
        Attachment.of(
            this,
            AVIS_DOCUMENT,
            Optional.of(body),
            fileName,
            stored.mediaType(),
            stored.size(),
            stored.sha256(),
            by,
            now);
    attachments.add(a);
    return a;
  }

  /**
   * Takes a file off a draft; a deposited dossier's files stay on file.
   *
   * @throws RuleViolation if the applicant may not change the dossier, or it is deposited
   */
  public void detach(Instruction rules, Attachment attachment) {
    requireApplicantMayEdit(rules);
    if (phase != Phase.DRAFT) {
      throw new RuleViolation("a deposited document stays on file: upload a new one to replace it");
    }
    if (!attachments.remove(attachment)) {
      throw new IllegalArgumentException("not a file of dossier " + describe());
    }
  }

  /** The files of a document that count (not superseded), oldest first. */
  public List<Attachment> currentFiles(String documentId) {
    return attachments.stream()
        .filter(a -> a.current() && a.documentId().equals(documentId))
        .toList();
  }

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
   * @return the former due date, when it moved
   */
  public Optional<LocalDate> recountDeadline(WorkingCalendar calendar) {
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

  /** The procedure version it follows (a draft's is re-pinned when deposited). */
  public ProcedureRef procedure() {
    return new ProcedureRef(procedureId, procedureVersion);
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

  /** The form's values as given. */
  public FormContent form() {
    return form;
  }

  /** The form's values as the rules read them. */
  public FormValues values() {
    return form.values();
  }

  /** Every avis asked of the consulted bodies, round by round. */
  public List<Avis> avis() {
    return Collections.unmodifiableList(avis);
  }

  /** The complement requests, oldest first. */
  public List<ComplementRequest> complements() {
    return Collections.unmodifiableList(complements);
  }

  /** The attached files, superseded ones included, oldest first. */
  public List<Attachment> attachments() {
    return Collections.unmodifiableList(attachments);
  }

  /** One of its files. */
  public Optional<Attachment> attachment(Long attachmentId) {
    return attachments.stream()
        .filter(a -> a.id() != null && a.id().equals(attachmentId))
        .findFirst();
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
