package ma.rokhsa.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.rokhsa.domain.model.dossier.DossierCensus;
import ma.rokhsa.domain.model.dossier.DueDossier;
import ma.rokhsa.domain.model.dossier.LegalClockQueries;
import ma.rokhsa.domain.model.dossier.PendingAvis;

/** Reads the read-only, cross-tenant views of the legal clock and of dossiers in flight. */
@ApplicationScoped
class JpaLegalClockQueries implements LegalClockQueries, DossierCensus {

  @PersistenceContext(unitName = "rokhsa")
  private EntityManager em;

  @Override
  public Map<ProcedureVersion, Long> openByProcedureVersion() {
    Map<ProcedureVersion, Long> counts = new LinkedHashMap<>();
    for (Object[] row :
        em.createQuery(
                "select d.procedureId, d.procedureVersion, count(d) from DueDossier d"
                    + " where d.phase = 'OPEN' group by d.procedureId, d.procedureVersion",
                Object[].class)
            .getResultList()) {
      counts.put(
          new ProcedureVersion((String) row[0], (String) row[1]), ((Number) row[2]).longValue());
    }
    return counts;
  }

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
