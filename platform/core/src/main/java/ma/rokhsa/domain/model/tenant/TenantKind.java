package ma.rokhsa.domain.model.tenant;

import java.util.Locale;

/** What kind of administration a tenant is. */
public enum TenantKind {
  REGION,
  PREFECTURE,
  PROVINCE,
  URBAN_COMMUNE,
  RURAL_COMMUNE,
  ARRONDISSEMENT,
  DECENTRALIZED_SERVICE;

  public boolean isCommune() {
    return this == URBAN_COMMUNE || this == RURAL_COMMUNE;
  }

  /** Prefectures and provinces: the level between regions and communes. */
  public boolean isProvinceLevel() {
    return this == PREFECTURE || this == PROVINCE;
  }

  /** The kind of an HCP {@code unit_type} (region, prefecture, province, commune_urban…). */
  public static TenantKind ofUnitType(String unitType) {
    return switch (unitType.toLowerCase(Locale.ROOT)) {
      case "region" -> REGION;
      case "prefecture" -> PREFECTURE;
      case "province" -> PROVINCE;
      case "commune_urban" -> URBAN_COMMUNE;
      case "commune_rural" -> RURAL_COMMUNE;
      case "arrondissement" -> ARRONDISSEMENT;
      default -> throw new IllegalArgumentException("unknown unit type '" + unitType + "'");
    };
  }
}
