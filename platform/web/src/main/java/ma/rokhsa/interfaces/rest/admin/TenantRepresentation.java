package ma.rokhsa.interfaces.rest.admin;

import java.util.List;
import ma.rokhsa.domain.model.tenant.Tenant;

/**
 * A tenant as the API shows it.
 *
 * @param id HCP code, or {@code svc-<name>} for a decentralized service
 * @param kind REGION, PREFECTURE, PROVINCE, URBAN_COMMUNE, RURAL_COMMUNE, ARRONDISSEMENT or
 *     DECENTRALIZED_SERVICE
 * @param parent the unit above it, if any
 * @param nameFr name in French
 * @param nameAr name in Arabic
 * @param population RGPH 2024 legal population (none for services)
 * @param status PLANNED, ONBOARDING, ACTIVE or SUSPENDED
 * @param theme theme of its pages
 * @param procedures procedures it offers
 * @param signatureKeyQuota signature keys it gets without extra cost
 */
public record TenantRepresentation(
    String id,
    String kind,
    String parent,
    String nameFr,
    String nameAr,
    Long population,
    String status,
    String theme,
    List<String> procedures,
    int signatureKeyQuota) {

  static TenantRepresentation of(Tenant tenant) {
    return new TenantRepresentation(
        tenant.id().value(),
        tenant.kind().name(),
        tenant.parent().map(Object::toString).orElse(null),
        tenant.nameFr(),
        tenant.nameAr(),
        tenant.population().orElse(null),
        tenant.status().name(),
        tenant.theme(),
        tenant.procedures(),
        tenant.signatureKeyQuota());
  }
}
