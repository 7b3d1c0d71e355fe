package ma.rokhsa.infrastructure.search.changes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A row of the search change log as the dossier's transaction writes it (ADR 0020). Not
 * tenant-owned: the tenant is data, every node reads every tenant's rows ({@link SearchChangeLog}).
 * The sequence is taken one value at a time (allocation size 1): a hole in the log is then a change
 * in flight or rolled back, never an unused block.
 */
@Entity
@Table(name = "search_change")
public class SearchChangeEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "search_change_seq")
  @SequenceGenerator(
      name = "search_change_seq",
      sequenceName = "search_change_seq",
      allocationSize = 1)
  @Column(name = "seq")
  private Long seq;

  @Column(name = "tenant_id", nullable = false, length = 64)
  private String tenant;

  @Column(name = "dossier_id", nullable = false, length = 64)
  private String dossierId;

  @Column(name = "changed_at", nullable = false)
  private OffsetDateTime changedAt;

  protected SearchChangeEntry() {
    // for JPA
  }

  public SearchChangeEntry(String tenant, String dossierId, Instant changedAt) {
    this.tenant = tenant;
    this.dossierId = dossierId;
    this.changedAt = changedAt.atOffset(ZoneOffset.UTC);
  }

  public Long seq() {
    return seq;
  }
}
