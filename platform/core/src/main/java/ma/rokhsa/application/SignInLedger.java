package ma.rokhsa.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import ma.rokhsa.domain.model.audit.AuditEvent;
import ma.rokhsa.domain.model.identity.Account;
import ma.rokhsa.domain.model.identity.AccountRepository;
import ma.rokhsa.domain.model.tenant.TenantId;

/**
 * What a sign-in writes, each in a short transaction of its own: the password is verified outside
 * any transaction, so that a burst of sign-ins waiting for the hashing slots holds no database
 * connection.
 */
@ApplicationScoped
@Transactional
public class SignInLedger {

  private AccountRepository accounts;
  private SecurityAudit audit;

  /** For CDI's proxy. */
  protected SignInLedger() {}

  @Inject
  SignInLedger(AccountRepository accounts, SecurityAudit audit) {
    this.accounts = accounts;
    this.audit = audit;
  }

  /** Counts a wrong password; records in the national audit chain when it locks the account. */
  public void failed(Account account, int limit, Instant lockedUntil, String address) {
    if (accounts.recordFailedSignIn(account, limit, lockedUntil)) {
      audit.record(
          TenantId.NATIONAL,
          new AuditEvent(
              AuditEvent.SYSTEM,
              "sign-in.locked",
              "account",
              account.username(),
              limit + " failed sign-ins in a row; locked until " + lockedUntil,
              address));
    }
  }

  /**
   * Records that a second-factor code of this time step was accepted: true unless a code of this
   * step or a later one already was (a code is never accepted twice, on any node).
   */
  public boolean acceptedStep(Account account, long step) {
    return accounts.recordSecondFactorStep(account, step);
  }

  public void succeeded(Account account) {
    accounts.recordSuccessfulSignIn(account);
  }
}
