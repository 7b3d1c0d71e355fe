package ma.rokhsa.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import ma.rokhsa.domain.model.dossier.DossierId;
import ma.rokhsa.domain.model.dossier.DueDossier;
import ma.rokhsa.domain.model.dossier.LegalClockQueries;
import ma.rokhsa.domain.model.dossier.PendingAvis;
import org.eclipse.microprofile.config.Config;

/**
 * The platform's side of the legal clock, run on a schedule: dossiers whose deadline passed take
 * the procedure's way out (or a tacit approval, or are left overdue), and the commission is
 * reminded of avis coming due. Each dossier is handled in its own transaction, within its tenant;
 * one failing never stops the others.
 */
@ApplicationScoped
public class LegalClock {

  private static final Logger LOG = Logger.getLogger(LegalClock.class.getName());
  private static final int BATCH = 500;

  private LegalClockQueries queries;
  private DossierService dossiers;
  private LegalTime time;
  private int reminderWorkingDays;

  /** For CDI's proxy. */
  protected LegalClock() {}

  @Inject
  LegalClock(LegalClockQueries queries, DossierService dossiers, LegalTime time, Config config) {
    this.queries = queries;
    this.dossiers = dossiers;
    this.time = time;
    this.reminderWorkingDays =
        config
            .getOptionalValue("rokhsa.dossiers.avis-reminder-working-days", Integer.class)
            .orElse(2);
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
  public Tick tick(LocalDate today) {
    int moved = 0;
    int failed = 0;
    Set<DossierId> seen = new HashSet<>();
    for (DueDossier due : queries.overdue(today, BATCH)) {
      try {
        if (dossiers.deadlinePassed(due.tenant(), due.id(), today)) {
          moved++;
        }
      } catch (RuntimeException e) {
        failed++;
        LOG.log(Level.WARNING, "deadline of dossier " + due.id() + " not handled", e);
      }
    }
    int reminders = 0;
    // Calendar days bound the query; the tenant's working days decide (weekends, holidays).
    LocalDate until = today.plusDays(reminderWorkingDays * 2L + 14);
    for (PendingAvis avis : queries.avisDueBetween(today, until, BATCH)) {
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
    return new Tick(today, moved, reminders, failed);
  }

  /**
   * What one pass did.
   *
   * @param moved dossiers moved by a deadline passing
   * @param reminders avis reminders queued
   * @param failed dossiers that could not be handled (logged; retried at the next pass)
   */
  public record Tick(LocalDate today, int moved, int reminders, int failed) {}
}
