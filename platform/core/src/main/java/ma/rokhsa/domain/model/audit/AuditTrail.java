package ma.rokhsa.domain.model.audit;

public interface AuditTrail {
  void record(ma.rokhsa.domain.model.tenant.TenantId tenant, AuditEvent event);
}
