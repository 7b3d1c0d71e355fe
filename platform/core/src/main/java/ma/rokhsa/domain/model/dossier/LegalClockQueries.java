package ma.rokhsa.domain.model.dossier;

import java.time.LocalDate;
import java.util.List;

/**
 * Cross-tenant reads for the platform's legal clock: which dossiers' deadlines have passed, which
 * avis come due. Read-only: each dossier found is then handled within its own tenant.
 */
public interface LegalClockQueries {

  /** Open dossiers whose due date is before {@code today}. */
  List<DueDossier> overdue(LocalDate today, int limit);

  /** Avis not given nor reminded yet, due between {@code today} and {@code until}. */
  List<PendingAvis> avisDueBetween(LocalDate today, LocalDate until, int limit);
}
