package ma.rokhsa.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import ma.rokhsa.domain.model.identity.Account;
import ma.rokhsa.domain.model.identity.AccountRepository;
import ma.rokhsa.domain.model.identity.Role;
import ma.rokhsa.domain.model.identity.RoleGrant;
import ma.rokhsa.domain.model.tenant.TenantId;

@ApplicationScoped
class JpaAccountRepository implements AccountRepository {

  @PersistenceContext(unitName = "rokhsa")
  private EntityManager em;

  @Override
  public Optional<Account> findByUsername(String username) {
    return em.createQuery("select a from Account a where a.username = :u", Account.class)
        .setParameter("u", username == null ? "" : username.strip().toLowerCase(Locale.ROOT))
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Account> find(Long id) {
    return Optional.ofNullable(em.find(Account.class, id));
  }

  @Override
  public void store(Account account) {
    em.persist(account);
    em.flush();
  }

  @Override
  public List<RoleGrant> grantsOf(Account account) {
    return em.createQuery(
            "select g from RoleGrant g where g.accountId = :a order by g.id", RoleGrant.class)
        .setParameter("a", account.id())
        .getResultList();
  }

  @Override
  public List<RoleGrant> grantsIn(TenantId tenant) {
    return em.createQuery(
            "select g from RoleGrant g where g.tenantId = :t order by g.id", RoleGrant.class)
        .setParameter("t", tenant.value())
        .getResultList();
  }

  @Override
  public void store(RoleGrant grant) {
    em.persist(grant);
  }

  @Override
  public void remove(RoleGrant grant) {
    em.remove(em.contains(grant) ? grant : em.merge(grant));
  }

  @Override
  public boolean recordFailedSignIn(Account account, int limit, Instant lockedUntil) {
    em.createQuery("update Account a set a.failedSignIns = a.failedSignIns + 1 where a.id = :id")
        .setParameter("id", account.id())
        .executeUpdate();
    return em.createQuery(
                "update Account a set a.lockedUntil = :until, a.failedSignIns = 0"
                    + " where a.id = :id and a.failedSignIns >= :limit")
            .setParameter("until", lockedUntil.atOffset(ZoneOffset.UTC))
            .setParameter("id", account.id())
            .setParameter("limit", limit)
            .executeUpdate()
        > 0;
  }

  @Override
  public List<Account> holding(Role role) {
    return em.createQuery(
            "select a from Account a where a.id in"
                + " (select g.accountId from RoleGrant g where g.role = :r) order by a.username",
            Account.class)
        .setParameter("r", role)
        .getResultList();
  }

  @Override
  public void recordSuccessfulSignIn(Account account) {
    if (account.failedSignIns() > 0) {
      em.createQuery("update Account a set a.failedSignIns = 0 where a.id = :id")
          .setParameter("id", account.id())
          .executeUpdate();
    }
  }

  @Override
  public boolean recordSecondFactorStep(Account account, long step) {
    return em.createQuery(
                "update Account a set a.totpLastStep = :step where a.id = :id"
                    + " and a.totpConfirmedAt is not null"
                    + " and (a.totpLastStep is null or a.totpLastStep < :step)")
            .setParameter("step", step)
            .setParameter("id", account.id())
            .executeUpdate()
        > 0;
  }

  @Override
  public boolean anyHolds(Role role) {
    return !em.createQuery("select g.id from RoleGrant g where g.role = :r", Long.class)
        .setParameter("r", role)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }
}
