package ma.rokhsa.domain.model.calendar;

import java.time.LocalDate;
import java.util.List;

/** Working days of one tenant: Monday to Friday, except its holidays and closures. */
public interface WorkingCalendar {

  boolean isWorkingDay(LocalDate day);

  /** The n-th working day strictly after {@code start} (n >= 1); n == 0 returns start. */
  LocalDate addWorkingDays(LocalDate start, int n);

  /** Working days in (from, to]: 0 when to <= from. */
  int workingDaysBetween(LocalDate from, LocalDate to);

  /** The year's holidays and closures, in date order. */
  List<Holiday> holidays(int year);
}
