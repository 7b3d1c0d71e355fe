package ma.rokhsa.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import ma.rokhsa.domain.model.dossier.DueDossier;
import ma.rokhsa.domain.model.dossier.LegalClockQueries;
import ma.rokhsa.domain.model.dossier.PendingAvis;

/** Reads the read-only, cross-tenant views of the legal clock. */
@ApplicationScoped
class JpaLegalClockQueries implements LegalClockQueries {

  @PersistenceContext(unitName = "rokhsa")
  private EntityManager em;

  @Override
  public List<DueDossier> overdue(LocalDate today, int limit) {
    return em.createQuery(
            "select d from DueDossier d where d.phase = 'OPEN' and d.dueDate < :today"
                + " order by d.dueDate",
            DueDossier.class)
        .setParameter("today", today)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<PendingAvis> avisDueBetween(LocalDate today, LocalDate until, int limit) {
    return em.createQuery(
            "select a from PendingAvis a where a.verdict is null and a.remindedAt is null"
                + " and a.dueDate >= :today and a.dueDate <= :until order by a.dueDate",
            PendingAvis.class)
        .setParameter("today", today)
        .setParameter("until", until)
        .setMaxResults(limit)
        .getResultList();
  }
}
