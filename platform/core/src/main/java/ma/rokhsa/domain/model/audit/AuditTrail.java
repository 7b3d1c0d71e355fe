package ma.rokhsa.domain.model.audit;

import ma.rokhsa.domain.model.tenant.TenantId;

/**
 * Appends to the tenant's chain, in the caller's transaction (Transactional MANDATORY): the entry
 * commits or rolls back with the change it records.
 *
 * <pre>{@code
 * @Inject AuditTrail audit;
 * audit.record(tenant, new AuditEvent(caller.username(), "dossier.submitted",
 *     "dossier", reference, "", sourceAddress));
 * }</pre>
 *
 * Appends to one tenant's chain are made one at a time (the chain head is locked until the caller's
 * transaction ends), so record as late in the transaction as convenient.
 */
public interface AuditTrail {
  void record(TenantId tenant, AuditEvent event);
}
