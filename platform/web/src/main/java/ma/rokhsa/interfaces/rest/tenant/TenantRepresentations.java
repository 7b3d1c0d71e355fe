package ma.rokhsa.interfaces.rest.tenant;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import ma.rokhsa.domain.model.signature.ExtraKeyPurchase;
import ma.rokhsa.domain.model.signature.KeyAllowance;
import ma.rokhsa.domain.model.signature.Signatory;

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
  public record Member(String username, String displayName, boolean enabled, List<String> roles) {}

  /** A role a tenant's administration takes back from a member. */
  public static class Revocation {
    @NotBlank @Size(max = 32) public String role;

    /** For a commission member: only the grant for this consulted body (every body if absent). */
    @Size(max = 100) public String body;
  }

  /** A new member: an existing account, or a new one (then display name and password). */
  public static class NewMember {
    @NotBlank @Size(max = 100) public String username;

    @Size(max = 200) public String displayName;

    @Size(max = 1024) public String password;

    @NotBlank @Size(max = 32) public String role;

    /** The consulted body a commission member speaks for (required for COMMISSION_MEMBER). */
    @Size(max = 100) public String body;
  }

  /**
   * A signatory.
   *
   * @param id its id
   * @param fullName full name
   * @param title title (président, délégué…)
   * @param username account, if any
   * @param cin national identity card number, if on record
   * @param interim signs only under a mandate in force
   */
  public record SignatoryView(
      Long id, String fullName, String title, String username, String cin, boolean interim) {
    static SignatoryView of(Signatory s) {
      return new SignatoryView(
          s.id(),
          s.fullName(),
          s.title(),
          s.username().orElse(null),
          s.cin().orElse(null),
          s.interim());
    }
  }

  /** A new signatory. */
  public static class NewSignatory {
    @NotBlank @Size(max = 200) public String fullName;

    @NotBlank @Size(max = 200) public String title;

    @Size(max = 100) public String username;

    /** National identity card number, which the signatory's certificates name. */
    @Size(max = 20) public String cin;

    /** Signs only under a mandate in force (an interim signatory). */
    public boolean interim;
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
