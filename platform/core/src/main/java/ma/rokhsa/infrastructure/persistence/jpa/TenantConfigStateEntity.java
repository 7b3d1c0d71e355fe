package ma.rokhsa.infrastructure.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The single row saying which tenant configuration was applied last. */
@Entity
@Table(name = "tenant_config_state")
class TenantConfigStateEntity {

  @Id
  @Column(name = "singleton")
  short singleton = 1;

  @Column(name = "digest", nullable = false, length = 64)
  String digest;

  @Column(name = "readiness_threshold", nullable = false)
  long readinessThreshold;

  @Column(name = "applied_at", nullable = false)
  OffsetDateTime appliedAt;

  /**
   * Records what was applied. Through a method of the entity: EclipseLink's woven change tracking
   * does not see fields written from another class.
   */
  void applied(String digest, long readinessThreshold, OffsetDateTime appliedAt) {
    this.digest = digest;
    this.readinessThreshold = readinessThreshold;
    this.appliedAt = appliedAt;
  }
}
