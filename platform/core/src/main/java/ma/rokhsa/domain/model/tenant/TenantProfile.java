package ma.rokhsa.domain.model.tenant;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the configuration says a tenant is: its place in the territory, names, population and
 * settings. The rollout status is not part of it: that is decided through the rollout, audited.
 *
 * @param id the tenant's id
 * @param kind what kind of administration it is
 * @param parent the unit above it (none for a region)
 * @param path the ids from its region down to itself, joined by {@code /} ({@code
 *     06/06.141/06.141.01.0}); a service hangs below the unit it serves
 * @param nameFr the name in French
 * @param nameAr the name in Arabic
 * @param population RGPH 2024 legal population; empty for services
 * @param theme the theme its pages use
 * @param procedures ids of the procedures it offers, sorted
 * @param signatureKeyQuota how many signature keys it gets without extra cost
 * @param signatureProvider the id of the signature provider its signatories' keys live in ({@code
 *     pkcs12}, the embedded default; {@code pkcs11})
 */
public record TenantProfile(
    TenantId id,
    TenantKind kind,
    Optional<TenantId> parent,
    String path,
    String nameFr,
    String nameAr,
    Optional<Long> population,
    String theme,
    List<String> procedures,
    int signatureKeyQuota,
    String signatureProvider) {

  /** The signature provider of a tenant whose configuration names none. */
  public static final String DEFAULT_SIGNATURE_PROVIDER = "pkcs12";

  /** A profile with the default signature provider. */
  public TenantProfile(
      TenantId id,
      TenantKind kind,
      Optional<TenantId> parent,
      String path,
      String nameFr,
      String nameAr,
      Optional<Long> population,
      String theme,
      List<String> procedures,
      int signatureKeyQuota) {
    this(
        id,
        kind,
        parent,
        path,
        nameFr,
        nameAr,
        population,
        theme,
        procedures,
        signatureKeyQuota,
        DEFAULT_SIGNATURE_PROVIDER);
  }

  public TenantProfile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(nameFr, "nameFr");
    Objects.requireNonNull(nameAr, "nameAr");
    Objects.requireNonNull(population, "population");
    Objects.requireNonNull(theme, "theme");
    Objects.requireNonNull(signatureProvider, "signatureProvider");
    procedures = procedures.stream().sorted().distinct().toList();
    if (signatureKeyQuota < 1) {
      throw new IllegalArgumentException("signature key quota must be at least 1");
    }
  }
}
