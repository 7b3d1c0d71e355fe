package ma.rokhsa.domain.model.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Optional;
import ma.rokhsa.domain.model.tenant.TenantId;
import org.eclipse.persistence.annotations.ReadOnly;

/**
 * A read-only, cross-tenant view of the dossiers' legal clock, for the platform's deadline watch
 * only: which dossier of which tenant is due when, and how its due date was counted. Everything
 * else goes through {@link Dossier}, filtered by tenant; so does every change the clock makes.
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

  @Column(name = "due_from")
  private LocalDate dueFrom;

  @Column(name = "due_working_days")
  private Integer dueWorkingDays;

  @Column(name = "procedure_id")
  private String procedureId;

  @Column(name = "procedure_version")
  private String procedureVersion;

  @Column(name = "clock_skipped_due")
  private LocalDate clockSkippedDue;

  @Column(name = "clock_retry_after")
  private java.time.OffsetDateTime clockRetryAfter;

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

  /** How the due date was counted, when the platform knows. */
  public Optional<Deadline> deadline() {
    if (dueDate == null || dueFrom == null || dueWorkingDays == null) {
      return Optional.empty();
    }
    return Optional.of(new Deadline(dueFrom, dueWorkingDays, dueDate));
  }
}
