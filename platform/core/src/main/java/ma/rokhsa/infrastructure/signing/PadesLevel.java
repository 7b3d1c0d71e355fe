package ma.rokhsa.infrastructure.signing;

/** The PAdES baseline levels the platform produces (ETSI EN 319 142-1). */
public enum PadesLevel {
  /** The CMS signature alone. */
  B_B,
  /** With a signature time stamp from a TSA (proof of when it was signed). */
  B_T,
  /**
   * With the certificates and revocation data (OCSP responses, CRLs) needed to validate it later,
   * in the document's DSS dictionary. The platform's default.
   */
  B_LT;

  /** {@code B-B}, {@code B-T} or {@code B-LT}, as configured. */
  public static PadesLevel parse(String text) {
    return switch (text.strip().toUpperCase(java.util.Locale.ROOT)) {
      case "B-B" -> B_B;
      case "B-T" -> B_T;
      case "B-LT" -> B_LT;
      default ->
          throw new IllegalArgumentException(
              "rokhsa.signing.level must be B-B, B-T or B-LT, not " + text);
    };
  }

  /** {@code B-LT} and the like. */
  public String label() {
    return name().replace('_', '-');
  }
}
