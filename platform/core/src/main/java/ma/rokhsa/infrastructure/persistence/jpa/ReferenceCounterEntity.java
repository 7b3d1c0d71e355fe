package ma.rokhsa.infrastructure.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** The last reference number given by a tenant in a year. */
@Entity
@Table(name = "dossier_reference_counter")
@IdClass(ReferenceCounterEntity.Key.class)
public class ReferenceCounterEntity {

  @Id
  @Column(name = "tenant_id", length = 64)
  private String tenantId;

  @Id
  @Column(name = "ref_year")
  private int year;

  @Column(name = "last_value", nullable = false)
  private long lastValue;

  protected ReferenceCounterEntity() {
    // for JPA
  }

  ReferenceCounterEntity(String tenantId, int year) {
    this.tenantId = tenantId;
    this.year = year;
  }

  long next() {
    lastValue++;
    return lastValue;
  }

  /** The composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String tenantId;
    private int year;

    public Key() {}

    public Key(String tenantId, int year) {
      this.tenantId = tenantId;
      this.year = year;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.year == year && Objects.equals(k.tenantId, tenantId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(tenantId, year);
    }
  }
}
