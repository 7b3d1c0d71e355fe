package ma.rokhsa.domain.model.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A public holiday or closure: one non-working day.
 *
 * @param date the day
 * @param nameFr its name in French
 * @param nameAr its name in Arabic
 * @param kind where it comes from
 */
public record Holiday(LocalDate date, String nameFr, String nameAr, Kind kind) {

  /** Where a holiday comes from. */
  public enum Kind {
    /** A fixed date of the Gregorian calendar (1 January, 30 July…). */
    FIXED,
    /** A religious holiday computed from the Hijri calendar, which may be off by a day. */
    HIJRI,
    /** A date announced officially and written in {@code tenant-config/calendar/holidays.yaml}. */
    OVERRIDE,
    /** A closure of one tenant only. */
    TENANT_CLOSURE
  }

  public Holiday {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(kind, "kind");
    if (nameFr == null || nameFr.isBlank() || nameAr == null || nameAr.isBlank()) {
      throw new IllegalArgumentException("a holiday needs a name in French and in Arabic");
    }
  }
}
