package ma.rokhsa.domain.model.dossier;

import java.time.LocalDate;
import java.util.Objects;
import ma.rokhsa.domain.model.calendar.WorkingCalendar;

/**
 * A legal due date and how it was counted: {@code workingDays} working days of the tenant's
 * calendar from {@code countedFrom}. Kept with the dossier so that a holiday announced later moves
 * the date ({@link #recount}).
 *
 * @param countedFrom the day the count starts (the day the state was entered or resumed)
 * @param workingDays how many working days the law gives
 * @param date the due date, as last counted
 */
public record Deadline(LocalDate countedFrom, int workingDays, LocalDate date) {

  public Deadline {
    Objects.requireNonNull(countedFrom);
    Objects.requireNonNull(date);
    if (workingDays < 0) {
      throw new IllegalArgumentException("a deadline counts zero or more working days");
    }
  }

  /** Counts {@code workingDays} working days from {@code from} in {@code calendar}. */
  public static Deadline count(LocalDate from, int workingDays, WorkingCalendar calendar) {
    return new Deadline(from, workingDays, calendar.addWorkingDays(from, workingDays));
  }

  /** The same deadline counted again in {@code calendar} (holidays announced since). */
  public Deadline recount(WorkingCalendar calendar) {
    return count(countedFrom, workingDays, calendar);
  }
}
