package ma.rokhsa.domain.model.notification;

public interface Outbox {
  void enqueue(ma.rokhsa.domain.model.tenant.TenantId tenant, Notification notification);
}
