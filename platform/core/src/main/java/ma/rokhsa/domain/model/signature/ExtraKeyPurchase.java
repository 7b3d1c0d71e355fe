package ma.rokhsa.domain.model.signature;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import ma.rokhsa.domain.model.tenant.TenantOwned;

/** Keys a tenant buys beyond its quota, at its own cost: how many, for how much, when. */
@Entity
@Table(name = "extra_key_purchase")
public class ExtraKeyPurchase extends TenantOwned {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "extra_key_purchase_seq")
  @SequenceGenerator(
      name = "extra_key_purchase_seq",
      sequenceName = "extra_key_purchase_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "key_count", nullable = false, updatable = false)
  private int keyCount;

  @Column(name = "cost_mad", nullable = false, updatable = false, precision = 12, scale = 2)
  private BigDecimal costMad;

  @Column(name = "purchased_on", nullable = false, updatable = false)
  private LocalDate purchasedOn;

  @Column(name = "recorded_by", nullable = false, length = 100, updatable = false)
  private String recordedBy;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private OffsetDateTime recordedAt;

  protected ExtraKeyPurchase() {
    // for JPA
  }

  /**
   * Records keys bought at the tenant's own cost.
   *
   * @param costMad the total cost in dirhams
   */
  public static ExtraKeyPurchase record(
      int keyCount, BigDecimal costMad, LocalDate purchasedOn, String recordedBy, Instant now) {
    if (keyCount < 1) {
      throw new IllegalArgumentException("at least one key");
    }
    if (costMad == null || costMad.signum() < 0) {
      throw new IllegalArgumentException("the cost cannot be negative");
    }
    ExtraKeyPurchase purchase = new ExtraKeyPurchase();
    purchase.keyCount = keyCount;
    purchase.costMad = costMad.setScale(2, java.math.RoundingMode.HALF_UP);
    purchase.purchasedOn = purchasedOn;
    purchase.recordedBy = recordedBy;
    purchase.recordedAt = now.atOffset(ZoneOffset.UTC);
    return purchase;
  }

  public Long id() {
    return id;
  }

  public int keyCount() {
    return keyCount;
  }

  public BigDecimal costMad() {
    return costMad;
  }

  public LocalDate purchasedOn() {
    return purchasedOn;
  }

  public String recordedBy() {
    return recordedBy;
  }
}
