package ma.rokhsa.domain.model.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import ma.rokhsa.domain.model.tenant.TenantId;
import org.eclipse.persistence.annotations.ReadOnly;

/**
 * A read-only, cross-tenant view of the dossiers' legal clock, for the platform's deadline watch
 * only: which dossier of which tenant is due when. Everything else goes through {@link Dossier},
 * filtered by tenant.
 */
@Entity
@ReadOnly
@Table(name = "dossier")
public class DueDossier {

  @Id
  @Column(name = "id")
  private String id;

  @Column(name = "tenant_id")
  private String tenantId;

  @Column(name = "phase")
  private String phase;

  @Column(name = "due_date")
  private LocalDate dueDate;

  @Column(name = "procedure_id")
  private String procedureId;

  @Column(name = "procedure_version")
  private String procedureVersion;

  protected DueDossier() {
    // for JPA
  }

  public DossierId id() {
    return DossierId.of(id);
  }

  public TenantId tenant() {
    return TenantId.of(tenantId);
  }

  public LocalDate dueDate() {
    return dueDate;
  }
}
