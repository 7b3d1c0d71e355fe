package ma.rokhsa.domain.model.calendar;

/** A public holiday or closure. */
public record Holiday(java.time.LocalDate date, String nameFr, String nameAr, Kind kind) {
  public enum Kind {
    FIXED,
    HIJRI,
    OVERRIDE,
    TENANT_CLOSURE
  }
}
