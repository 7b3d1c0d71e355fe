package ma.rokhsa.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ma.rokhsa.domain.model.dossier.Dossier;
import ma.rokhsa.domain.model.dossier.DossierEvent;
import ma.rokhsa.domain.model.dossier.DossierId;
import ma.rokhsa.domain.model.dossier.DossierReference;
import ma.rokhsa.domain.model.dossier.DossierRepository;
import ma.rokhsa.domain.model.dossier.Phase;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.domain.model.tenant.TenantRepository;

/**
 * Every query on dossiers is filtered by EclipseLink's tenant discriminator (see TenantScoped);
 * queries, never {@code em.find}, so that the filter applies whatever the cache holds.
 */
@ApplicationScoped
class JpaDossierRepository implements DossierRepository {

  @PersistenceContext(unitName = "rokhsa")
  private EntityManager em;

  @jakarta.inject.Inject private TenantRepository tenants;

  @Override
  public Optional<Dossier> find(DossierId id) {
    return em.createQuery("select d from Dossier d where d.id = :id", Dossier.class)
        .setParameter("id", id.value())
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Dossier> findForUpdate(DossierId id) {
    return em.createQuery("select d from Dossier d where d.id = :id", Dossier.class)
        .setParameter("id", id.value())
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  @Override
  public long bytesUploadedBy(String username) {
    // Native: across tenants on purpose (the quota is the account's), which the tenant filter of
    // a JPQL query would not allow. EclipseLink refuses native queries in a persistence unit with
    // multitenant entities unless a query asks, as this one does: a sum of one account's own
    // uploads, which returns nothing of any tenant's data.
    Object sum =
        em.createNativeQuery(
                "select coalesce(sum(size_bytes), 0) from dossier_attachment"
                    + " where uploaded_by = ? and avis_body is null")
            .setHint("eclipselink.jdbc.allow-native-sql-query", true)
            .setParameter(1, username)
            .getSingleResult();
    return ((Number) sum).longValue();
  }

  @Override
  public void flush() {
    em.flush();
  }

  @Override
  public void markLeftOverdue(DossierId id, LocalDate due) {
    em.createQuery("update Dossier d set d.clockSkippedDue = :due where d.id = :id")
        .setParameter("due", due)
        .setParameter("id", id.value())
        .executeUpdate();
  }

  @Override
  public void markClockFailure(DossierId id, int failures, Instant retryAfter, String problem) {
    em.createQuery(
            "update Dossier d set d.clockFailures = :failures, d.clockRetryAfter = :retry,"
                + " d.clockProblem = :problem where d.id = :id")
        .setParameter("failures", failures)
        .setParameter("retry", retryAfter.atOffset(ZoneOffset.UTC))
        .setParameter("problem", problem.length() > 500 ? problem.substring(0, 500) : problem)
        .setParameter("id", id.value())
        .executeUpdate();
  }

  @Override
  public Optional<Dossier> findByReference(DossierReference reference) {
    return em.createQuery("select d from Dossier d where d.reference = :r", Dossier.class)
        .setParameter("r", reference.value())
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Dossier> list(
      DossierFilter filter,
      Optional<String> owner,
      boolean drafts,
      Optional<ListPosition> after,
      int limit) {
    StringBuilder jpql = new StringBuilder("select d from Dossier d where 1 = 1");
    List<Object[]> params = new ArrayList<>();
    if (!drafts) {
      add(jpql, params, "d.phase <> :draft", "draft", Phase.DRAFT);
    }
    after.ifPresent(
        a -> {
          add(
              jpql,
              params,
              "(d.updatedAt < :afterAt or (d.updatedAt = :afterAt and d.id < :afterId))",
              "afterAt",
              a.updatedAt().atOffset(java.time.ZoneOffset.UTC));
          params.add(new Object[] {"afterId", a.id().value()});
        });
    filter.phase().ifPresent(p -> add(jpql, params, "d.phase = :phase", "phase", p));
    filter.state().ifPresent(s -> add(jpql, params, "d.state = :state", "state", s));
    filter.procedure().ifPresent(p -> add(jpql, params, "d.procedureId = :proc", "proc", p));
    filter
        .overdueOn()
        .ifPresent(
            day -> {
              add(jpql, params, "d.dueDate < :day", "day", day);
              add(jpql, params, "d.phase = :open", "open", Phase.OPEN);
            });
    owner.ifPresent(o -> add(jpql, params, "d.owner = :owner", "owner", o));
    jpql.append(" order by d.updatedAt desc, d.id desc");
    TypedQuery<Dossier> query = em.createQuery(jpql.toString(), Dossier.class);
    for (Object[] p : params) {
      query.setParameter((String) p[0], p[1]);
    }
    return query.setMaxResults(limit).getResultList();
  }

  @Override
  public List<Dossier> openIn(
      java.util.Set<String> states, Optional<ListPosition> after, int limit) {
    if (states.isEmpty()) {
      return List.of();
    }
    StringBuilder jpql =
        new StringBuilder("select d from Dossier d where d.phase = :open and d.state in :states");
    List<Object[]> params = new ArrayList<>();
    params.add(new Object[] {"open", Phase.OPEN});
    params.add(new Object[] {"states", List.copyOf(states)});
    after.ifPresent(
        a -> {
          add(
              jpql,
              params,
              "(d.updatedAt > :afterAt or (d.updatedAt = :afterAt and d.id > :afterId))",
              "afterAt",
              a.updatedAt().atOffset(java.time.ZoneOffset.UTC));
          params.add(new Object[] {"afterId", a.id().value()});
        });
    jpql.append(" order by d.updatedAt asc, d.id asc");
    TypedQuery<Dossier> query = em.createQuery(jpql.toString(), Dossier.class);
    for (Object[] p : params) {
      query.setParameter((String) p[0], p[1]);
    }
    return query.setMaxResults(limit).getResultList();
  }

  private static void add(
      StringBuilder jpql, List<Object[]> params, String clause, String name, Object value) {
    jpql.append(" and ").append(clause);
    params.add(new Object[] {name, value});
  }

  @Override
  public void store(Dossier dossier) {
    em.persist(dossier);
  }

  @Override
  public long nextReferenceNumber(TenantId tenant, int year) {
    // The tenant's row is the lock: deposits of one tenant take their numbers one at a time.
    tenants.findForUpdate(tenant).orElseThrow();
    ReferenceCounterEntity counter =
        em.find(ReferenceCounterEntity.class, new ReferenceCounterEntity.Key(tenant.value(), year));
    if (counter == null) {
      counter = new ReferenceCounterEntity(tenant.value(), year);
      em.persist(counter);
    }
    return counter.next();
  }

  @Override
  public List<DossierEvent> timeline(DossierId dossier) {
    return em.createQuery(
            "select e from DossierEvent e where e.dossierId = :d order by e.at, e.id",
            DossierEvent.class)
        .setParameter("d", dossier.value())
        .getResultList();
  }

  @Override
  public void store(DossierEvent event) {
    em.persist(event);
  }
}
