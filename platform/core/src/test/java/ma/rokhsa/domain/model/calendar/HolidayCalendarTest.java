package ma.rokhsa.domain.model.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HolidayCalendarTest {

  private final List<Integer> asked = new ArrayList<>();

  /** Only 2026-03-20 (a Friday) and 2026-03-23 (a Monday) are holidays. */
  private final HolidayCalendar calendar =
      new HolidayCalendar(
          year -> {
            asked.add(year);
            return year == 2026 ? List.of(holiday("2026-03-20"), holiday("2026-03-23")) : List.of();
          });

  private static Holiday holiday(String date) {
    return new Holiday(LocalDate.parse(date), "Fête", "عيد", Holiday.Kind.HIJRI);
  }

  private static LocalDate day(String date) {
    return LocalDate.parse(date);
  }

  @Test
  void weekendsAndHolidaysAreNotWorkingDays() {
    assertThat(calendar.isWorkingDay(day("2026-03-16"))).isTrue(); // Monday
    assertThat(calendar.isWorkingDay(day("2026-03-20"))).isFalse(); // holiday
    assertThat(calendar.isWorkingDay(day("2026-03-21"))).isFalse(); // Saturday
    assertThat(calendar.isWorkingDay(day("2026-03-22"))).isFalse(); // Sunday
    assertThat(calendar.isWorkingDay(day("2026-03-24"))).isTrue(); // Tuesday
  }

  @Test
  void addingWorkingDaysSkipsWeekends() {
    // Friday 6 March + 1 → Monday 9 March; + 5 → Friday 13 March.
    assertThat(calendar.addWorkingDays(day("2026-03-06"), 1)).isEqualTo(day("2026-03-09"));
    assertThat(calendar.addWorkingDays(day("2026-03-06"), 5)).isEqualTo(day("2026-03-13"));
    // Starting on a Saturday counts from Monday.
    assertThat(calendar.addWorkingDays(day("2026-03-07"), 1)).isEqualTo(day("2026-03-09"));
  }

  @Test
  void aDeadlineAcrossHolidaysMovesPastThem() {
    // Thursday 19 March + 1: Friday 20 is a holiday, then the weekend, Monday 23 a holiday.
    assertThat(calendar.addWorkingDays(day("2026-03-19"), 1)).isEqualTo(day("2026-03-24"));
    // 10 working days from Monday 16 March: 17,18,19,24,25,26,27,30,31, 1 April.
    assertThat(calendar.addWorkingDays(day("2026-03-16"), 10)).isEqualTo(day("2026-04-01"));
    assertThat(calendar.workingDaysBetween(day("2026-03-16"), day("2026-04-01"))).isEqualTo(10);
  }

  @Test
  void zeroDaysIsTheStartAndNegativeIsRefused() {
    assertThat(calendar.addWorkingDays(day("2026-03-21"), 0)).isEqualTo(day("2026-03-21"));
    assertThatThrownBy(() -> calendar.addWorkingDays(day("2026-03-21"), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void workingDaysBetweenCountsTheHalfOpenInterval() {
    // (Friday 13 March, Monday 16 March] holds only Monday.
    assertThat(calendar.workingDaysBetween(day("2026-03-13"), day("2026-03-16"))).isEqualTo(1);
    assertThat(calendar.workingDaysBetween(day("2026-03-16"), day("2026-03-16"))).isZero();
    assertThat(calendar.workingDaysBetween(day("2026-03-17"), day("2026-03-16"))).isZero();
    // Across a year boundary: (Wed 30 Dec 2026, Mon 4 Jan 2027] = 31 Dec, 1 Jan, 4 Jan.
    assertThat(calendar.workingDaysBetween(day("2026-12-30"), day("2027-01-04"))).isEqualTo(3);
  }

  @Test
  void eachYearIsAskedForOnce() {
    calendar.isWorkingDay(day("2026-03-20"));
    calendar.addWorkingDays(day("2026-01-01"), 200);
    calendar.holidays(2026);
    assertThat(asked).containsExactly(2026);
    assertThat(calendar.holidays(2026)).extracting(Holiday::date).hasSize(2);
  }

  @Test
  void yearsOutsideTheCalendarAreRefused() {
    assertThatThrownBy(() -> calendar.holidays(1999)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calendar.isWorkingDay(day("2101-01-03")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aHolidayNeedsBothNames() {
    assertThatThrownBy(() -> new Holiday(day("2026-01-01"), "Nouvel An", " ", Holiday.Kind.FIXED))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
