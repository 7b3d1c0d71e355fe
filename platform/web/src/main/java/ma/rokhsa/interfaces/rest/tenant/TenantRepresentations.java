package ma.rokhsa.interfaces.rest.tenant;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import ma.rokhsa.domain.model.signature.ExtraKeyPurchase;
import ma.rokhsa.domain.model.signature.KeyAllowance;
import ma.rokhsa.domain.model.signature.Signatory;
import ma.rokhsa.domain.model.signature.SignatureKey;

/** The JSON shapes of the tenant-scoped API. */
public final class TenantRepresentations {

  private TenantRepresentations() {}

  /**
   * A tenant, from inside.
   *
   * @param id tenant id
   * @param kind its kind
   * @param nameFr name in French
   * @param nameAr name in Arabic
   * @param population RGPH 2024 population
   * @param status rollout status
   * @param acceptsDeposits whether new dossiers may be deposited
   * @param procedures procedures it offers
   * @param signatureKeys its key allowance
   */
  public record TenantView(
      String id,
      String kind,
      String nameFr,
      String nameAr,
      Long population,
      String status,
      boolean acceptsDeposits,
      List<String> procedures,
      Allowance signatureKeys) {}

  /**
   * Signature keys: quota, bought, in use, remaining.
   *
   * @param quota granted by size
   * @param purchased bought at the tenant's cost
   * @param inUse assigned, not revoked
   * @param remaining still assignable
   */
  public record Allowance(int quota, int purchased, int inUse, int remaining) {
    static Allowance of(KeyAllowance a) {
      return new Allowance(a.quota(), a.purchased(), a.inUse(), a.remaining());
    }
  }

  /**
   * A member of the tenant.
   *
   * @param username account
   * @param displayName name shown
   * @param roles roles held in this tenant
   */
  public record Member(String username, String displayName, List<String> roles) {}

  /** A new member: an existing account, or a new one (then display name and password). */
  public static class NewMember {
    @NotBlank @Size(max = 100) public String username;

    @Size(max = 200) public String displayName;

    @Size(max = 1024) public String password;

    @NotBlank @Size(max = 32) public String role;
  }

  /**
   * A signatory.
   *
   * @param id its id
   * @param fullName full name
   * @param title title (président, délégué…)
   * @param username account, if any
   */
  public record SignatoryView(Long id, String fullName, String title, String username) {
    static SignatoryView of(Signatory s) {
      return new SignatoryView(s.id(), s.fullName(), s.title(), s.username().orElse(null));
    }
  }

  /** A new signatory. */
  public static class NewSignatory {
    @NotBlank @Size(max = 200) public String fullName;

    @NotBlank @Size(max = 200) public String title;

    @Size(max = 100) public String username;
  }

  /**
   * A signature key.
   *
   * @param id its id
   * @param signatoryId who holds it
   * @param label serial or description
   * @param beyondQuota paid by the tenant
   * @param assignedBy who assigned it
   * @param assignedAt when
   * @param revokedAt when revoked, if it was
   */
  public record KeyView(
      Long id,
      Long signatoryId,
      String label,
      boolean beyondQuota,
      String assignedBy,
      Instant assignedAt,
      Instant revokedAt) {
    static KeyView of(SignatureKey k) {
      return new KeyView(
          k.id(),
          k.signatoryId(),
          k.label(),
          k.beyondQuota(),
          k.assignedBy(),
          k.assignedAt(),
          k.revokedAt().orElse(null));
    }
  }

  /** A key to assign. */
  public static class NewKey {
    @NotBlank @Size(max = 200) public String label;
  }

  /**
   * Keys bought beyond the quota.
   *
   * @param id its id
   * @param keyCount how many
   * @param costMad total cost, dirhams
   * @param purchasedOn date of purchase
   * @param recordedBy who recorded it
   */
  public record PurchaseView(
      Long id, int keyCount, BigDecimal costMad, LocalDate purchasedOn, String recordedBy) {
    static PurchaseView of(ExtraKeyPurchase p) {
      return new PurchaseView(p.id(), p.keyCount(), p.costMad(), p.purchasedOn(), p.recordedBy());
    }
  }

  /** A purchase to record. */
  public static class NewPurchase {
    @Positive @Max(10_000) public int keyCount;

    @NotNull @PositiveOrZero @Digits(integer = 12, fraction = 2) public BigDecimal costMad;

    @NotNull public LocalDate purchasedOn;
  }
}
