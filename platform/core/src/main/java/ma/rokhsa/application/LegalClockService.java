package ma.rokhsa.application;

import static ma.rokhsa.application.DossierWorkflow.by;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import ma.rokhsa.domain.model.calendar.WorkingCalendars;
import ma.rokhsa.domain.model.dossier.Avis;
import ma.rokhsa.domain.model.dossier.Dossier;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.AvisReminded;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.DueDateRecounted;
import ma.rokhsa.domain.model.dossier.DossierId;
import ma.rokhsa.domain.model.dossier.DossierRepository;
import ma.rokhsa.domain.model.dossier.Instruction;
import ma.rokhsa.domain.model.dossier.Phase;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.plugin.api.procedure.ActingRole;

/**
 * The legal clock's work on one dossier of one tenant, each call its own transaction (called by
 * {@link LegalClock}, which finds the dossiers): a deadline passing, a failure noted, a due date
 * counted again, the commission reminded.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class LegalClockService {

  private DossierWorkflow workflow;
  private DossierRepository dossiers;
  private WorkingCalendars calendars;

  /** For CDI's proxy. */
  protected LegalClockService() {}

  @Inject
  LegalClockService(
      DossierWorkflow workflow, DossierRepository dossiers, WorkingCalendars calendars) {
    this.workflow = workflow;
    this.dossiers = dossiers;
    this.calendars = calendars;
  }

  /**
   * What the platform does when the dossier's deadline has passed on {@code today}: take the
   * procedure's own way out, record a tacit approval, or nothing (the dossier shows overdue, and
   * the clock notes it so as not to look at it again until its due date changes).
   */
  public DeadlineOutcome deadlinePassed(TenantId tenant, DossierId id, LocalDate today) {
    Optional<Dossier> found = dossiers.findForUpdate(id);
    if (found.isEmpty() || !found.get().overdue(today)) {
      return DeadlineOutcome.NOT_DUE;
    }
    Dossier dossier = found.get();
    DossierWorkflow.Instructed at = workflow.instructed(tenant, dossier);
    Optional<Instruction.DeadlineMove> move = at.rules().onDeadline(dossier);
    if (move.isEmpty()) {
      dossiers.markLeftOverdue(id, dossier.dueDate().orElseThrow());
      return DeadlineOutcome.LEFT_OVERDUE;
    }
    Instruction.DeadlineMove m = move.get();
    Optional<String> note =
        Optional.of(
            m.tacitApproval()
                ? "approbation tacite : délai expiré le " + dossier.dueDate().orElseThrow()
                : "délai expiré le " + dossier.dueDate().orElseThrow());
    workflow.take(
        tenant, Actor.system(), at, m.transition(), note, m.tacitApproval(), workflow.now());
    return DeadlineOutcome.MOVED;
  }

  /** What a passing deadline did to a dossier. */
  public enum DeadlineOutcome {
    /** Not (or no longer) past its due date. */
    NOT_DUE,
    /** Moved: the procedure's way out, or a tacit approval. */
    MOVED,
    /** No way out: left overdue for the administration to act, and marked so. */
    LEFT_OVERDUE
  }

  /**
   * Marks a dossier the legal clock failed on: it is skipped for a wait that doubles with each
   * failure in a row (at most a day), so that it cannot hold up the others, and tried again then.
   *
   * @return how many times in a row the clock failed on it
   */
  public int clockFailed(TenantId tenant, DossierId id, String problem, Duration firstWait) {
    Optional<Dossier> found = dossiers.find(id);
    if (found.isEmpty()) {
      return 0;
    }
    int failures = found.get().clockFailures() + 1;
    Duration wait = firstWait.multipliedBy(1L << Math.min(failures - 1, 16));
    if (wait.compareTo(Duration.ofDays(1)) > 0) {
      wait = Duration.ofDays(1);
    }
    dossiers.markClockFailure(id, failures, workflow.now().plus(wait), problem);
    return failures;
  }

  /**
   * Counts the dossier's due date again in its tenant's working calendar as it is now (a holiday
   * announced after it was counted); the change is recorded on its timeline and audited.
   *
   * @return the former due date, when it moved
   */
  public Optional<LocalDate> recountDeadline(TenantId tenant, DossierId id) {
    Optional<Dossier> found = dossiers.findForUpdate(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Dossier dossier = found.get();
    Optional<LocalDate> former = dossier.recountDeadline(calendars.forTenant(tenant));
    if (former.isPresent()) {
      workflow.timeline(
          dossier,
          Actor.system(),
          ActingRole.SYSTEM,
          "echeance-recalculee",
          Optional.of(
              "due "
                  + former.get()
                  + " -> "
                  + dossier.dueDate().orElseThrow()
                  + " (calendrier des jours ouvrables modifié)"),
          workflow.now());
      workflow.fire(new DueDateRecounted(tenant, by(Actor.system()), dossier, former.get()));
    }
    return former;
  }

  /**
   * Reminds the members of the commission of avis due within {@code withinWorkingDays}, once.
   *
   * @return how many reminders were queued
   */
  public int remindAvis(TenantId tenant, DossierId id, LocalDate today, int withinWorkingDays) {
    Optional<Dossier> found = dossiers.findForUpdate(id);
    if (found.isEmpty() || found.get().phase() != Phase.OPEN) {
      return 0;
    }
    Dossier dossier = found.get();
    List<Avis> reminded =
        dossier.remindAvis(calendars.forTenant(tenant), today, withinWorkingDays, workflow.now());
    for (Avis a : reminded) {
      workflow.fire(new AvisReminded(tenant, by(Actor.system()), dossier, a));
    }
    return reminded.size();
  }
}
