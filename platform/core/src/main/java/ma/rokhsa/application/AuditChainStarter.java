package ma.rokhsa.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ma.rokhsa.domain.model.audit.AuditChain;
import ma.rokhsa.domain.model.audit.AuditRepository;
import ma.rokhsa.domain.model.tenant.TenantId;

/**
 * Creates a tenant's chain head, once, in a transaction of its own: the caller's transaction may
 * already hold rows that refer to the tenant, and locking the tenant's row from there deadlocks
 * with another transaction doing the same (PostgreSQL's key-share locks).
 */
@ApplicationScoped
public class AuditChainStarter {

  private AuditRepository audit;

  /** For CDI's proxy. */
  protected AuditChainStarter() {}

  @Inject
  AuditChainStarter(AuditRepository audit) {
    this.audit = audit;
  }

  /**
   * Inserts the head unless it exists; fails (rolled back alone) when another transaction inserted
   * it first, which the caller ignores.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void start(TenantId tenant) {
    if (audit.lockChain(tenant).isEmpty()) {
      audit.store(AuditChain.start(tenant));
    }
  }
}
