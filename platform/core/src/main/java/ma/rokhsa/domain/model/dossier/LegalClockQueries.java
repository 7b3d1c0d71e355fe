package ma.rokhsa.domain.model.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Cross-tenant reads for the platform's legal clock: which dossiers' deadlines have passed, which
 * avis come due, which due dates were counted in working days. Read-only, in keyset pages (a page
 * starts after the last row of the previous one, so rows that leave the set while a pass walks it
 * never make it skip others): each dossier found is then handled within its own tenant.
 */
public interface LegalClockQueries {

  /**
   * Open dossiers whose due date is before {@code today}, by due date then id, after {@code after};
   * skipping those the clock marked: left overdue at this very due date (no way out), or failed and
   * not to be tried again before {@code now}.
   */
  List<DueDossier> overdue(LocalDate today, Instant now, Optional<DueDossier> after, int limit);

  /** Avis not given nor reminded yet, due between {@code today} and {@code until}, in pages. */
  List<PendingAvis> avisDueBetween(
      LocalDate today, LocalDate until, Optional<PendingAvis> after, int limit);

  /** Open dossiers whose due date was counted in working days, by id, after {@code after}. */
  List<DueDossier> counted(Optional<DueDossier> after, int limit);
}
