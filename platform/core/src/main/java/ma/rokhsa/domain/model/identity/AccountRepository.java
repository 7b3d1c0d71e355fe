package ma.rokhsa.domain.model.identity;

import java.util.List;
import java.util.Optional;
import ma.rokhsa.domain.model.tenant.TenantId;

/** Accounts and their role grants. */
public interface AccountRepository {

  /** The account with this username, compared without case. */
  Optional<Account> findByUsername(String username);

  Optional<Account> find(Long id);

  void store(Account account);

  /** Every grant the account holds. */
  List<RoleGrant> grantsOf(Account account);

  /** The grants held in one tenant, with their accounts. */
  List<RoleGrant> grantsIn(TenantId tenant);

  void store(RoleGrant grant);

  void remove(RoleGrant grant);

  /**
   * Counts a failed sign-in; the {@code limit}-th in a row locks the account until {@code
   * lockedUntil}. Made as one update in the database, so that attempts in parallel all count.
   *
   * @return whether this failure locked the account
   */
  boolean recordFailedSignIn(Account account, int limit, java.time.Instant lockedUntil);

  /** The accounts holding this role anywhere. */
  List<Account> holding(Role role);

  /** A successful sign-in clears the count of failures. */
  void recordSuccessfulSignIn(Account account);

  /**
   * Records that a second-factor code of time step {@code step} was accepted, unless one of this
   * step or a later one already was: true if recorded. One conditional update, so that a code is
   * accepted once across every node even when two sign-ins race with it.
   */
  boolean recordSecondFactorStep(Account account, long step);

  /** Whether any account holds this role (anywhere). */
  boolean anyHolds(Role role);
}
