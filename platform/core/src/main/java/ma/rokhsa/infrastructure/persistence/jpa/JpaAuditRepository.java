package ma.rokhsa.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import ma.rokhsa.domain.model.audit.AuditChain;
import ma.rokhsa.domain.model.audit.AuditEntry;
import ma.rokhsa.domain.model.audit.AuditRepository;
import ma.rokhsa.domain.model.audit.ChainHead;
import ma.rokhsa.domain.model.audit.ChainLink;
import ma.rokhsa.domain.model.tenant.TenantId;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;

/** Audit tables are national, with an explicit tenant column: every query here names the tenant. */
@ApplicationScoped
class JpaAuditRepository implements AuditRepository {

  @PersistenceContext(unitName = "rokhsa")
  private EntityManager em;

  @Override
  public int startMissingChains() {
    em.flush(); // the tenants created in this transaction first: the chains refer to them
    List<String> missing =
        em.createQuery(
                "select t.id from Tenant t where not exists"
                    + " (select c from AuditChain c where c.tenantId = t.id)",
                String.class)
            .getResultList();
    for (String id : missing) {
      em.persist(AuditChain.start(TenantId.of(id)));
    }
    return missing.size();
  }

  @Override
  public Optional<AuditChain> lockChain(TenantId tenant) {
    // SELECT … FOR UPDATE, read from the database whatever this transaction already holds.
    return em.createQuery("select c from AuditChain c where c.tenantId = :tenant", AuditChain.class)
        .setParameter("tenant", tenant.value())
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .setHint(QueryHints.REFRESH, HintValues.TRUE)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<ChainHead> head(TenantId tenant) {
    return em.createQuery("select c from AuditChain c where c.tenantId = :tenant", AuditChain.class)
        .setParameter("tenant", tenant.value())
        .setHint(QueryHints.REFRESH, HintValues.TRUE)
        .getResultStream()
        .findFirst()
        .map(AuditChain::head);
  }

  @Override
  public void store(AuditChain chain) {
    em.persist(chain);
  }

  @Override
  public void append(AuditEntry entry) {
    em.persist(entry);
  }

  @Override
  public List<AuditEntry> entries(
      TenantId tenant,
      Optional<String> subjectType,
      Optional<String> subjectId,
      long after,
      int limit) {
    StringBuilder jpql =
        new StringBuilder(
            "select e from AuditEntry e where e.tenantId = :tenant and e.sequence > :after");
    subjectType.ifPresent(t -> jpql.append(" and e.subjectType = :subjectType"));
    subjectId.ifPresent(i -> jpql.append(" and e.subjectId = :subjectId"));
    jpql.append(" order by e.sequence");
    TypedQuery<AuditEntry> query =
        em.createQuery(jpql.toString(), AuditEntry.class)
            .setParameter("tenant", tenant.value())
            .setParameter("after", after);
    subjectType.ifPresent(t -> query.setParameter("subjectType", t));
    subjectId.ifPresent(i -> query.setParameter("subjectId", i));
    return query.setMaxResults(limit).getResultList();
  }

  @Override
  public List<ChainLink> links(TenantId tenant, long after, long upTo, int limit) {
    // Columns, not entities: nothing is kept in the persistence context while a long chain is
    // walked page by page.
    return em.createQuery(
            "select e.tenantId, e.sequence, e.recordedAt, e.actor, e.action, e.subjectType,"
                + " e.subjectId, e.detail, e.sourceAddress, e.previousHash, e.hash"
                + " from AuditEntry e where e.tenantId = :tenant and e.sequence > :after"
                + " and e.sequence <= :upTo order by e.sequence",
            Object[].class)
        .setParameter("tenant", tenant.value())
        .setParameter("after", after)
        .setParameter("upTo", upTo)
        .setMaxResults(limit)
        .getResultStream()
        .map(
            row ->
                new ChainLink(
                    (String) row[0],
                    ((Number) row[1]).longValue(),
                    ((OffsetDateTime) row[2]).toInstant(),
                    (String) row[3],
                    (String) row[4],
                    (String) row[5],
                    (String) row[6],
                    (String) row[7],
                    (String) row[8],
                    (String) row[9],
                    (String) row[10]))
        .toList();
  }
}
