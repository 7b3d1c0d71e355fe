package ma.rokhsa.infrastructure.calendar;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.IslamicCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import ma.rokhsa.domain.model.calendar.Holiday;
import ma.rokhsa.domain.model.calendar.Holiday.Kind;

/**
 * Morocco's public holidays as the rules give them, before any announcement: the fixed dates of the
 * Gregorian calendar and the religious holidays computed from the Hijri calendar.
 *
 * <p>Sources for the list (public administrations, and the private sector's paid holidays):
 *
 * <ul>
 *   <li>Décret n° 2-77-169 du 28 février 1977 fixing the public holidays of the administrations, as
 *       amended, and décret n° 2-04-426 du 29 décembre 2004 (Code du travail, paid holidays);
 *   <li>the Amazigh New Year (14 January), a holiday since 2024 by royal decision (Royal Cabinet, 3
 *       May 2023);
 *   <li>Aïd Al Wahda (31 October), added by royal decision after 31 October 2025 and given effect
 *       by décrets n° 2.26.14 and n° 2.25.1140 (Conseil de gouvernement): first observed on 31
 *       October 2026 —
 *       https://www.biladi.ma/la-fete-de-lunite-fixee-au-31-octobre-jour-ferie-officiel/ and
 *       https://publicholidaynews.com/category/continent/africa ("starting next year").
 * </ul>
 *
 * <p>Hijri dates are computed with ICU4J's civil (tabular) Islamic calendar: Morocco fixes them by
 * sighting the moon, which the civil calendar matches more often than Umm al-Qura (the Saudi
 * calendar, usually one day early for Morocco); see ADR 0004. A computed date can still be off by a
 * day: the official date is then written in {@code tenant-config/calendar/holidays.yaml}.
 *
 * <p>Names are in {@code holiday-names.properties} (French and Arabic). Instances are immutable and
 * thread-safe.
 */
public final class MoroccanHolidays {

  /** One holiday of one year: its key, and its days in order (one or two). */
  public record Observance(String key, List<Holiday> days) {

    public Observance {
      days = List.copyOf(days);
      if (days.isEmpty()) {
        throw new IllegalArgumentException("an observance has at least one day");
      }
    }

    public LocalDate firstDay() {
      return days.get(0).date();
    }

    /** The same holiday on the days starting at {@code first}, as announced. */
    Observance announcedOn(LocalDate first) {
      long shift = first.toEpochDay() - firstDay().toEpochDay();
      return new Observance(
          key,
          days.stream()
              .map(
                  d -> new Holiday(d.date().plusDays(shift), d.nameFr(), d.nameAr(), Kind.OVERRIDE))
              .toList());
    }
  }

  private record Fixed(String key, MonthDay day, int since) {}

  private record Hijri(String key, int month, int day, int length) {}

  private static final List<Fixed> FIXED =
      List.of(
          new Fixed("new-year", MonthDay.of(1, 1), 0),
          new Fixed("independence-manifesto", MonthDay.of(1, 11), 0),
          new Fixed("amazigh-new-year", MonthDay.of(1, 14), 2024),
          new Fixed("labour-day", MonthDay.of(5, 1), 0),
          new Fixed("throne-day", MonthDay.of(7, 30), 0),
          new Fixed("oued-eddahab", MonthDay.of(8, 14), 0),
          new Fixed("revolution-of-the-king-and-the-people", MonthDay.of(8, 20), 0),
          new Fixed("youth-day", MonthDay.of(8, 21), 0),
          new Fixed("unity-day", MonthDay.of(10, 31), 2026),
          new Fixed("green-march", MonthDay.of(11, 6), 0),
          new Fixed("independence-day", MonthDay.of(11, 18), 0));

  // ICU months are 0-based: 0 Muharram, 2 Rabi' al-awwal, 9 Shawwal, 11 Dhu al-Hijja.
  private static final List<Hijri> HIJRI =
      List.of(
          new Hijri("eid-al-fitr", 9, 1, 2),
          new Hijri("eid-al-adha", 11, 10, 2),
          new Hijri("islamic-new-year", 0, 1, 1),
          new Hijri("mawlid", 2, 12, 2));

  /** Every holiday key, fixed and Hijri. */
  public static final Set<String> KEYS =
      Stream.concat(FIXED.stream().map(Fixed::key), HIJRI.stream().map(Hijri::key))
          .collect(Collectors.toUnmodifiableSet());

  /** Hijri holiday keys: those whose computed date may need an announced one. */
  public static final Set<String> HIJRI_KEYS =
      HIJRI.stream().map(Hijri::key).collect(Collectors.toUnmodifiableSet());

  /**
   * How far, in days, an announced date may be from the computed one: sighting moves a date by a
   * day, rarely two; more is a mistake in the announcement (wrong holiday or year).
   */
  public static final int MAX_SHIFT = 3;

  private final Properties names;

  public MoroccanHolidays() {
    this.names = new Properties();
    try (InputStream in = MoroccanHolidays.class.getResourceAsStream("holiday-names.properties")) {
      if (in == null) {
        throw new IllegalStateException("holiday-names.properties is missing from the build");
      }
      names.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String key : KEYS) {
      name(key, "fr");
      name(key, "ar");
    }
  }

  /** The holidays whose first day falls in {@code year}, in date order. */
  public List<Observance> observances(int year) {
    List<Observance> observances = new ArrayList<>();
    for (Fixed fixed : FIXED) {
      if (year >= fixed.since()) {
        observances.add(
            new Observance(
                fixed.key(),
                List.of(
                    new Holiday(
                        fixed.day().atYear(year),
                        name(fixed.key(), "fr"),
                        name(fixed.key(), "ar"),
                        Kind.FIXED))));
      }
    }
    int firstHijriYear = hijriYear(LocalDate.of(year, 1, 1));
    int lastHijriYear = hijriYear(LocalDate.of(year, 12, 31));
    for (int hijriYear = firstHijriYear; hijriYear <= lastHijriYear; hijriYear++) {
      for (Hijri hijri : HIJRI) {
        LocalDate first = gregorian(hijriYear, hijri.month(), hijri.day());
        if (first.getYear() != year) {
          continue;
        }
        List<Holiday> days = new ArrayList<>();
        for (int i = 0; i < hijri.length(); i++) {
          String suffix = i == 0 ? "" : ".day" + (i + 1);
          days.add(
              new Holiday(
                  first.plusDays(i),
                  name(hijri.key(), "fr") + names.getProperty("suffix" + suffix + ".fr", ""),
                  name(hijri.key(), "ar") + names.getProperty("suffix" + suffix + ".ar", ""),
                  Kind.HIJRI));
        }
        observances.add(new Observance(hijri.key(), days));
      }
    }
    observances.sort(Comparator.comparing(Observance::firstDay));
    return observances;
  }

  /**
   * The holiday {@code key} whose computed first day is nearest {@code day}, if one is within
   * {@link #MAX_SHIFT} days of it: the one an announcement of {@code day} is about.
   */
  public Optional<Observance> nearest(String key, LocalDate day) {
    Optional<Observance> nearest = Optional.empty();
    long best = Long.MAX_VALUE;
    for (int year = day.getYear() - 1; year <= day.getYear() + 1; year++) {
      for (Observance observance : observances(year)) {
        long distance = Math.abs(observance.firstDay().toEpochDay() - day.toEpochDay());
        if (observance.key().equals(key) && distance <= MAX_SHIFT && distance < best) {
          nearest = Optional.of(observance);
          best = distance;
        }
      }
    }
    return nearest;
  }

  /** The first day of a Hijri date, by the civil Islamic calendar. */
  static LocalDate gregorian(int hijriYear, int month, int day) {
    IslamicCalendar calendar = calendar();
    calendar.clear();
    calendar.set(Calendar.EXTENDED_YEAR, hijriYear);
    calendar.set(Calendar.MONTH, month);
    calendar.set(Calendar.DAY_OF_MONTH, day);
    return LocalDate.ofEpochDay(Math.floorDiv(calendar.getTimeInMillis(), 86_400_000L));
  }

  private static int hijriYear(LocalDate day) {
    IslamicCalendar calendar = calendar();
    calendar.setTimeInMillis(day.toEpochDay() * 86_400_000L);
    return calendar.get(Calendar.EXTENDED_YEAR);
  }

  private static IslamicCalendar calendar() {
    IslamicCalendar calendar = new IslamicCalendar(TimeZone.GMT_ZONE, ULocale.ROOT);
    calendar.setCalculationType(IslamicCalendar.CalculationType.ISLAMIC_CIVIL);
    return calendar;
  }

  private String name(String key, String language) {
    String name = names.getProperty(key + "." + language);
    if (name == null || name.isBlank()) {
      throw new IllegalStateException("no " + language + " name for the holiday " + key);
    }
    return name;
  }
}
