package ma.rokhsa.domain.model.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * A {@link WorkingCalendar} from a list of holidays per year: a day is a working day when it is a
 * weekday (Saturday and Sunday are not) and no holiday falls on it. The holidays of each year are
 * asked for once and kept.
 */
public final class HolidayCalendar implements WorkingCalendar {

  /** Years a calendar answers for; outside them the holiday rules are not known. */
  public static final int FIRST_YEAR = 2000;

  public static final int LAST_YEAR = 2100;

  private final IntFunction<List<Holiday>> holidaysOfYear;
  private final ConcurrentHashMap<Integer, Year> years = new ConcurrentHashMap<>();

  private record Year(List<Holiday> holidays, Set<LocalDate> days) {}

  /**
   * @param holidaysOfYear the holidays falling in a year (each dated in that year)
   */
  public HolidayCalendar(IntFunction<List<Holiday>> holidaysOfYear) {
    this.holidaysOfYear = Objects.requireNonNull(holidaysOfYear, "holidaysOfYear");
  }

  @Override
  public boolean isWorkingDay(LocalDate day) {
    Objects.requireNonNull(day, "day");
    DayOfWeek weekday = day.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY
        && weekday != DayOfWeek.SUNDAY
        && !year(day.getYear()).days().contains(day);
  }

  @Override
  public LocalDate addWorkingDays(LocalDate start, int n) {
    Objects.requireNonNull(start, "start");
    if (n < 0) {
      throw new IllegalArgumentException("the number of working days must be 0 or more, not " + n);
    }
    LocalDate day = start;
    for (int counted = 0; counted < n; ) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  @Override
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!to.isAfter(from)) {
      return 0;
    }
    checkYear(to.getYear());
    int count = 0;
    long span = ChronoUnit.DAYS.between(from, to);
    for (long i = 1; i <= span; i++) {
      if (isWorkingDay(from.plusDays(i))) {
        count++;
      }
    }
    return count;
  }

  @Override
  public List<Holiday> holidays(int year) {
    return year(year).holidays();
  }

  private Year year(int year) {
    checkYear(year);
    return years.computeIfAbsent(
        year,
        y -> {
          List<Holiday> holidays = List.copyOf(holidaysOfYear.apply(y));
          for (Holiday holiday : holidays) {
            if (holiday.date().getYear() != y) {
              throw new IllegalStateException(holiday + " is not in " + y);
            }
          }
          return new Year(
              holidays,
              holidays.stream().map(Holiday::date).collect(Collectors.toUnmodifiableSet()));
        });
  }

  private static void checkYear(int year) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new IllegalArgumentException(
          "the working-day calendar covers " + FIRST_YEAR + " to " + LAST_YEAR + ", not " + year);
    }
  }
}
