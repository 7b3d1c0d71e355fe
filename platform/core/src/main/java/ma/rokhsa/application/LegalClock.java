package ma.rokhsa.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import ma.rokhsa.domain.model.calendar.WorkingCalendars;
import ma.rokhsa.domain.model.dossier.Deadline;
import ma.rokhsa.domain.model.dossier.DossierId;
import ma.rokhsa.domain.model.dossier.DueDossier;
import ma.rokhsa.domain.model.dossier.LegalClockQueries;
import ma.rokhsa.domain.model.dossier.PendingAvis;
import org.eclipse.microprofile.config.Config;

/**
 * The platform's side of the legal clock, run on a schedule ({@code LegalClockSchedule}): due dates
 * are counted again when the working calendar changed (a holiday announced), dossiers whose
 * deadline passed take the procedure's way out (or a tacit approval, or are left overdue), and the
 * commission is reminded of avis coming due.
 *
 * <p>A pass walks every due dossier in keyset pages. Each dossier is handled in its own
 * transaction, within its tenant; one failing never stops the others. A dossier with no way out is
 * marked with its due date, one that fails is marked and retried after a growing wait: marked
 * dossiers are skipped, so however many are stuck, the others are reached in the same pass.
 */
@ApplicationScoped
public class LegalClock {

  private static final Logger LOG = Logger.getLogger(LegalClock.class.getName());
  private static final int PAGE = 500;

  private LegalClockQueries queries;
  private LegalClockService dossiers;
  private WorkingCalendars calendars;
  private LegalTime time;
  private int reminderWorkingDays;
  private Duration retryWait;
  private volatile long recountedRevision = -1;

  /** For CDI's proxy. */
  protected LegalClock() {}

  @Inject
  LegalClock(
      LegalClockQueries queries,
      LegalClockService dossiers,
      WorkingCalendars calendars,
      LegalTime time,
      Config config) {
    this.queries = queries;
    this.dossiers = dossiers;
    this.calendars = calendars;
    this.time = time;
    this.reminderWorkingDays =
        config
            .getOptionalValue("rokhsa.dossiers.avis-reminder-working-days", Integer.class)
            .orElse(2);
    this.retryWait =
        Duration.parse(
            config
                .getOptionalValue("rokhsa.dossiers.clock-retry-wait", String.class)
                .orElse("PT1M"));
  }

  /** One pass for today. */
  public Tick tick() {
    return tick(time.today());
  }

  /**
   * One pass as of {@code today}.
   *
   * @return what was done
   */
  public synchronized Tick tick(LocalDate today) {
    int recounted = recountIfCalendarChanged();
    int moved = 0;
    int leftOverdue = 0;
    int failed = 0;
    Instant now = time.now();
    Optional<DueDossier> after = Optional.empty();
    List<DueDossier> page;
    do {
      page = queries.overdue(today, now, after, PAGE);
      for (DueDossier due : page) {
        try {
          switch (dossiers.deadlinePassed(due.tenant(), due.id(), today)) {
            case MOVED -> moved++;
            case LEFT_OVERDUE -> leftOverdue++;
            case NOT_DUE -> {}
          }
        } catch (RuntimeException e) {
          failed++;
          markFailed(due, e);
        }
      }
      after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1));
    } while (page.size() == PAGE);

    int reminders = 0;
    Set<DossierId> seen = new HashSet<>();
    // Calendar days bound the query; the tenant's working days decide (weekends, holidays).
    LocalDate until = today.plusDays(reminderWorkingDays * 2L + 14);
    Optional<PendingAvis> afterAvis = Optional.empty();
    List<PendingAvis> avisPage;
    do {
      avisPage = queries.avisDueBetween(today, until, afterAvis, PAGE);
      for (PendingAvis avis : avisPage) {
        if (!seen.add(avis.dossierId())) {
          continue;
        }
        try {
          reminders +=
              dossiers.remindAvis(avis.tenant(), avis.dossierId(), today, reminderWorkingDays);
        } catch (RuntimeException e) {
          failed++;
          LOG.log(Level.WARNING, "avis reminders of dossier " + avis.dossierId() + " not sent", e);
        }
      }
      afterAvis = avisPage.isEmpty() ? afterAvis : Optional.of(avisPage.get(avisPage.size() - 1));
    } while (avisPage.size() == PAGE);
    return new Tick(today, recounted, moved, leftOverdue, reminders, failed);
  }

  private void markFailed(DueDossier due, RuntimeException e) {
    String problem = e.getClass().getSimpleName() + ": " + e.getMessage();
    try {
      int failures = dossiers.clockFailed(due.tenant(), due.id(), problem, retryWait);
      LOG.log(
          failures == 1 ? Level.WARNING : Level.FINE,
          "deadline of dossier "
              + due.id()
              + " ("
              + due.tenant()
              + ") not handled, failure "
              + failures
              + "; tried again later",
          e);
    } catch (RuntimeException again) {
      e.addSuppressed(again);
      LOG.log(Level.WARNING, "deadline of dossier " + due.id() + " not handled nor marked", e);
    }
  }

  /**
   * Counts again the due dates counted in working days when the working calendar changed since the
   * last pass (on every node's first pass, too: another node may have applied new settings).
   */
  private int recountIfCalendarChanged() {
    long revision = calendars.revision();
    if (revision == recountedRevision) {
      return 0;
    }
    int recounted = 0;
    Optional<DueDossier> after = Optional.empty();
    List<DueDossier> page;
    do {
      page = queries.counted(after, PAGE);
      for (DueDossier d : page) {
        Deadline counted = d.deadline().orElseThrow();
        if (counted.recount(calendars.forTenant(d.tenant())).date().equals(d.dueDate())) {
          continue;
        }
        try {
          if (dossiers.recountDeadline(d.tenant(), d.id()).isPresent()) {
            recounted++;
          }
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "due date of dossier " + d.id() + " not counted again", e);
          return recounted; // the next pass tries again
        }
      }
      after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1));
    } while (page.size() == PAGE);
    recountedRevision = revision;
    return recounted;
  }

  /**
   * What one pass did.
   *
   * @param recounted due dates counted again after the working calendar changed
   * @param moved dossiers moved by a deadline passing
   * @param leftOverdue dossiers past their deadline with no way out (marked, not looked at again)
   * @param reminders avis reminders queued
   * @param failed dossiers that could not be handled (logged, marked; tried again later)
   */
  public record Tick(
      LocalDate today, int recounted, int moved, int leftOverdue, int reminders, int failed) {}
}
