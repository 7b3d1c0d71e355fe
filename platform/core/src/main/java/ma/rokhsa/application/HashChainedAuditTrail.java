package ma.rokhsa.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Objects;
import ma.rokhsa.domain.model.audit.AuditChain;
import ma.rokhsa.domain.model.audit.AuditEvent;
import ma.rokhsa.domain.model.audit.AuditRepository;
import ma.rokhsa.domain.model.audit.AuditTrail;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.domain.model.tenant.TenantRepository;

/**
 * The audit trail every service records to: appends to the tenant's hash chain in the caller's
 * transaction, with the chain's head row locked until that transaction ends, so that appends to one
 * tenant are serialized across threads and nodes while other tenants go on.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class HashChainedAuditTrail implements AuditTrail {

  private AuditRepository audit;
  private TenantRepository tenants;
  private Clock clock;

  /** For CDI's proxy. */
  protected HashChainedAuditTrail() {}

  @Inject
  HashChainedAuditTrail(AuditRepository audit, TenantRepository tenants, Clock clock) {
    this.audit = audit;
    this.tenants = tenants;
    this.clock = clock;
  }

  @Override
  public void record(TenantId tenant, AuditEvent event) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(event, "event");
    AuditChain chain = audit.lockChain(tenant).orElseGet(() -> start(tenant));
    audit.append(chain.append(event, clock.instant()));
  }

  /**
   * A tenant's first entry: there is no head row to lock yet, so the tenant's own row is locked
   * while the head is looked for again (another transaction may have started it meanwhile) and made
   * if still missing.
   */
  private AuditChain start(TenantId tenant) {
    tenants
        .findForUpdate(tenant)
        .orElseThrow(() -> new IllegalArgumentException("no tenant " + tenant + " to audit"));
    return audit
        .lockChain(tenant)
        .orElseGet(
            () -> {
              AuditChain chain = AuditChain.start(tenant);
              audit.store(chain);
              return chain;
            });
  }
}
