package ma.rokhsa.domain.model.tenant;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * A tenant: one administration that uses the platform, with its own data isolated from every
 * other's. The registry of tenants itself is national (this entity is not tenant-scoped).
 *
 * <p>Its profile comes from {@code tenant-config/}; its status moves only through the rollout. The
 * procedures it offers are tenant-config/'s, changed one by one by the choices an admin makes
 * through the API ({@link #procedures()}).
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

  @Column(name = "signature_provider", nullable = false, length = 64)
  private String signatureProvider;

  @Convert(converter = ProcedureListConverter.class)
  @Column(name = "procedures", nullable = false, length = 2000)
  private List<String> procedures = new ArrayList<>();

  /** Choices made through the API; each wins over {@link #procedures} for its procedure. */
  @ElementCollection
  @CollectionTable(name = "tenant_procedure", joinColumns = @JoinColumn(name = "tenant_id"))
  @BatchFetch(BatchFetchType.IN)
  private List<ProcedureChoice> procedureChoices = new ArrayList<>();

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
    signatureProvider =
        track(changed, "signatureProvider", signatureProvider, profile.signatureProvider());
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

  /** The id of the signature provider its signatories' keys live in (tenant-config/). */
  public String signatureProvider() {
    return signatureProvider;
  }

  /**
   * The procedures it offers: those {@code tenant-config/} enables for it, then each admin's choice
   * made through the API, which wins for its procedure (enabled: offered even if the files do not
   * list it; disabled: not offered even if they do) until it is reset. Whether a started plugin
   * offers the procedure for this kind of tenant is for the procedure catalog to say.
   */
  public List<String> procedures() {
    List<String> offered = new ArrayList<>(procedures);
    for (ProcedureChoice choice : procedureChoices) {
      offered.remove(choice.procedureId());
      if (choice.enabled()) {
        offered.add(choice.procedureId());
      }
    }
    return List.copyOf(offered);
  }

  /** The procedures {@code tenant-config/} enables for it, whatever admins chose since. */
  public List<String> configuredProcedures() {
    return List.copyOf(procedures);
  }

  /** The choices admins made through the API, in the order they were first made. */
  public List<ProcedureChoice> procedureChoices() {
    return List.copyOf(procedureChoices);
  }

  /** The choice an admin made about one procedure, if any. */
  public Optional<ProcedureChoice> procedureChoice(String procedureId) {
    return procedureChoices.stream().filter(c -> c.procedureId().equals(procedureId)).findFirst();
  }

  /**
   * Records an admin's choice to offer a procedure or not, replacing any earlier choice about it.
   *
   * @return whether anything changed (false when the same choice was already made)
   * @throws IllegalArgumentException if the procedure id or the actor is blank or too long
   */
  public boolean chooseProcedure(String procedureId, boolean enabled, String actor, Instant at) {
    Optional<ProcedureChoice> earlier = procedureChoice(procedureId);
    if (earlier.isPresent() && earlier.get().enabled() == enabled) {
      return false;
    }
    ProcedureChoice choice = new ProcedureChoice(procedureId, enabled, actor, at);
    earlier.ifPresentOrElse(
        e -> procedureChoices.set(procedureChoices.indexOf(e), choice),
        () -> procedureChoices.add(choice));
    return true;
  }

  /**
   * Forgets the admin's choice about a procedure: {@code tenant-config/} decides again.
   *
   * @return the choice forgotten, or empty if there was none
   */
  public Optional<ProcedureChoice> resetProcedureChoice(String procedureId) {
    Optional<ProcedureChoice> earlier = procedureChoice(procedureId);
    earlier.ifPresent(procedureChoices::remove);
    return earlier;
  }

  public int signatureKeyQuota() {
    return signatureKeyQuota;
  }

  public long version() {
    return version;
  }
}
