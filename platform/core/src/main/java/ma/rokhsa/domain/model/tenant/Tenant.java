package ma.rokhsa.domain.model.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant: one administration that uses the platform, with its own data isolated from every
 * other's. The registry of tenants itself is national (this entity is not tenant-scoped).
 *
 * <p>Its profile comes from {@code tenant-config/}; its status moves only through the rollout.
 */
@Entity
@Table(name = "tenant")
public class Tenant {

  @Id
  @Column(name = "id", length = 64)
  private String id;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 32)
  private TenantKind kind;

  @Column(name = "parent_id", length = 64)
  private String parentId;

  @Column(name = "path", nullable = false, length = 255)
  private String path;

  @Column(name = "name_fr", nullable = false, length = 200)
  private String nameFr;

  @Column(name = "name_ar", nullable = false, length = 200)
  private String nameAr;

  @Column(name = "population")
  private Long population;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 16)
  private TenantStatus status;

  @Column(name = "theme", nullable = false, length = 64)
  private String theme;

  @Convert(converter = ProcedureListConverter.class)
  @Column(name = "procedures", nullable = false, length = 2000)
  private List<String> procedures = new ArrayList<>();

  @Column(name = "signature_key_quota", nullable = false)
  private int signatureKeyQuota;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Tenant() {
    // for JPA
  }

  /** A tenant newly declared by the configuration: planned, not yet rolled out. */
  public static Tenant declare(TenantProfile profile) {
    Tenant tenant = new Tenant();
    tenant.id = profile.id().value();
    tenant.status = TenantStatus.PLANNED;
    tenant.reconfigure(profile);
    return tenant;
  }

  /**
   * Brings the profile in line with the configuration; returns the names of the fields that changed
   * (empty when nothing did).
   */
  public List<String> reconfigure(TenantProfile profile) {
    if (!profile.id().value().equals(id)) {
      throw new IllegalArgumentException("profile of " + profile.id() + " applied to " + id);
    }
    List<String> changed = new ArrayList<>();
    kind = track(changed, "kind", kind, profile.kind());
    parentId =
        track(changed, "parent", parentId, profile.parent().map(TenantId::value).orElse(null));
    path = track(changed, "path", path, profile.path());
    nameFr = track(changed, "nameFr", nameFr, profile.nameFr());
    nameAr = track(changed, "nameAr", nameAr, profile.nameAr());
    population = track(changed, "population", population, profile.population().orElse(null));
    theme = track(changed, "theme", theme, profile.theme());
    procedures = track(changed, "procedures", procedures, profile.procedures());
    signatureKeyQuota =
        track(changed, "signatureKeyQuota", signatureKeyQuota, profile.signatureKeyQuota());
    return changed;
  }

  private static <T> T track(List<String> changed, String field, T current, T wanted) {
    if (!Objects.equals(current, wanted)) {
      changed.add(field);
    }
    return wanted;
  }

  /**
   * Moves the tenant to another rollout status.
   *
   * @throws IllegalStateException if the rollout does not allow it from the current status
   */
  public void moveTo(TenantStatus target) {
    if (!status.canMoveTo(target)) {
      throw new IllegalStateException(
          "tenant "
              + id
              + " cannot go from "
              + status
              + " to "
              + target
              + "; allowed: "
              + status.next());
    }
    status = target;
  }

  /** Whether this tenant is {@code scope} itself or lies beneath it in the territory. */
  public boolean isWithin(TenantId scope) {
    return Arrays.asList(path.split("/")).contains(scope.value());
  }

  public TenantId id() {
    return TenantId.of(id);
  }

  public TenantKind kind() {
    return kind;
  }

  public Optional<TenantId> parent() {
    return Optional.ofNullable(parentId).map(TenantId::of);
  }

  public String path() {
    return path;
  }

  public String nameFr() {
    return nameFr;
  }

  public String nameAr() {
    return nameAr;
  }

  public Optional<Long> population() {
    return Optional.ofNullable(population);
  }

  public TenantStatus status() {
    return status;
  }

  public String theme() {
    return theme;
  }

  public List<String> procedures() {
    return List.copyOf(procedures);
  }

  public int signatureKeyQuota() {
    return signatureKeyQuota;
  }

  public long version() {
    return version;
  }
}
