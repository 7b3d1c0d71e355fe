package ma.rokhsa.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.rokhsa.domain.model.dossier.DossierCensus;
import ma.rokhsa.domain.model.dossier.DueDossier;
import ma.rokhsa.domain.model.dossier.LegalClockQueries;
import ma.rokhsa.domain.model.dossier.PendingAvis;

/**
 * Reads the read-only, cross-tenant views of the legal clock and of dossiers in flight. Each read
 * is its own short transaction: the clock runs on a managed scheduler's thread, where an entity
 * manager used outside a transaction is closed under it by the container.
 */
@ApplicationScoped
@Transactional
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
  public List<DueDossier> overdue(
      LocalDate today, Instant now, Optional<DueDossier> after, int limit) {
    String page =
        after.isEmpty()
            ? ""
            : " and (d.dueDate > :afterDue or (d.dueDate = :afterDue and d.id > :afterId))";
    TypedQuery<DueDossier> query =
        em.createQuery(
                "select d from DueDossier d where d.phase = 'OPEN' and d.dueDate < :today"
                    + " and (d.clockSkippedDue is null or d.clockSkippedDue <> d.dueDate)"
                    + " and (d.clockRetryAfter is null or d.clockRetryAfter <= :now)"
                    + page
                    + " order by d.dueDate, d.id",
                DueDossier.class)
            .setParameter("today", today)
            .setParameter("now", now.atOffset(ZoneOffset.UTC))
            .setMaxResults(limit);
    after.ifPresent(
        a -> query.setParameter("afterDue", a.dueDate()).setParameter("afterId", a.id().value()));
    return query.getResultList();
  }

  @Override
  public List<PendingAvis> avisDueBetween(
      LocalDate today, LocalDate until, Optional<PendingAvis> after, int limit) {
    String page =
        after.isEmpty()
            ? ""
            : " and (a.dueDate > :afterDue or (a.dueDate = :afterDue and a.id > :afterId))";
    TypedQuery<PendingAvis> query =
        em.createQuery(
                "select a from PendingAvis a where a.verdict is null and a.remindedAt is null"
                    + " and a.dueDate >= :today and a.dueDate <= :until"
                    + page
                    + " order by a.dueDate, a.id",
                PendingAvis.class)
            .setParameter("today", today)
            .setParameter("until", until)
            .setMaxResults(limit);
    after.ifPresent(
        a -> query.setParameter("afterDue", a.dueDate()).setParameter("afterId", a.id()));
    return query.getResultList();
  }

  @Override
  public List<DueDossier> counted(Optional<DueDossier> after, int limit) {
    String page = after.isEmpty() ? "" : " and d.id > :afterId";
    TypedQuery<DueDossier> query =
        em.createQuery(
                "select d from DueDossier d where d.phase = 'OPEN' and d.dueDate is not null"
                    + " and d.dueFrom is not null and d.dueWorkingDays is not null"
                    + page
                    + " order by d.id",
                DueDossier.class)
            .setMaxResults(limit);
    after.ifPresent(a -> query.setParameter("afterId", a.id().value()));
    return query.getResultList();
  }
}
