package ma.rokhsa.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ma.rokhsa.domain.model.audit.AuditEvent;
import ma.rokhsa.domain.model.audit.AuditTrail;
import ma.rokhsa.domain.model.tenant.TenantId;

/**
 * Records administrative and security events in the audit chain (ADR 0005, ADR 0023): in the
 * tenant's chain when the event is about one tenant (a grant held there), otherwise in the national
 * chain ({@link TenantId#NATIONAL}). A refusal is recorded in a transaction of its own, so that it
 * stays recorded although the refused change rolls back.
 */
@ApplicationScoped
public class SecurityAudit {

  private AuditTrail audit;

  /** For CDI's proxy. */
  protected SecurityAudit() {}

  @Inject
  SecurityAudit(AuditTrail audit) {
    this.audit = audit;
  }

  /** Records in the caller's transaction: the entry commits or rolls back with the change. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(TenantId chain, AuditEvent event) {
    audit.record(chain, event);
  }

  /** Records a refusal, committed on its own whatever becomes of the caller's transaction. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void recordRefusal(TenantId chain, AuditEvent event) {
    audit.record(chain, event);
  }

  /** Records in a transaction of the caller's if there is one, else in one of its own. */
  @Transactional(Transactional.TxType.REQUIRED)
  public void recordNow(TenantId chain, AuditEvent event) {
    audit.record(chain, event);
  }
}
