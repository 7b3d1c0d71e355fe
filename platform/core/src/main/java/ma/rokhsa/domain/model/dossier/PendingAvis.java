package ma.rokhsa.domain.model.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import ma.rokhsa.domain.model.tenant.TenantId;
import org.eclipse.persistence.annotations.ReadOnly;

/**
 * A read-only, cross-tenant view of the avis not given yet, for the reminders the platform sends
 * before they are due.
 */
@Entity
@ReadOnly
@Table(name = "dossier_avis")
public class PendingAvis {

  @Id
  @Column(name = "id")
  private Long id;

  @Column(name = "tenant_id")
  private String tenantId;

  @Column(name = "dossier_id")
  private String dossierId;

  @Column(name = "due_date")
  private LocalDate dueDate;

  @Column(name = "verdict")
  private String verdict;

  @Column(name = "reminded_at")
  private java.time.OffsetDateTime remindedAt;

  protected PendingAvis() {
    // for JPA
  }

  public Long id() {
    return id;
  }

  public TenantId tenant() {
    return TenantId.of(tenantId);
  }

  public DossierId dossierId() {
    return DossierId.of(dossierId);
  }

  public LocalDate dueDate() {
    return dueDate;
  }
}
