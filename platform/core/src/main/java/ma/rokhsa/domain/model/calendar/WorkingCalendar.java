package ma.rokhsa.domain.model.calendar;

/** Working days of one tenant. */
public interface WorkingCalendar {
  boolean isWorkingDay(java.time.LocalDate day);

  /** The n-th working day strictly after {@code start} (n >= 1); n == 0 returns start. */
  java.time.LocalDate addWorkingDays(java.time.LocalDate start, int n);

  /** Working days in (from, to]: 0 when to <= from. */
  int workingDaysBetween(java.time.LocalDate from, java.time.LocalDate to);

  java.util.List<Holiday> holidays(int year);
}
