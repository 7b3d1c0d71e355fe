package ma.rokhsa.interfaces.rest.calendar;

import java.time.LocalDate;
import java.util.List;
import ma.rokhsa.domain.model.calendar.Holiday;

/** JSON shapes of the working-day calendar. */
public final class CalendarRepresentations {

  private CalendarRepresentations() {}

  /** One non-working day besides weekends. {@code kind}: FIXED, HIJRI, OVERRIDE, TENANT_CLOSURE. */
  public record HolidayView(LocalDate date, String nameFr, String nameAr, String kind) {
    static HolidayView of(Holiday holiday) {
      return new HolidayView(
          holiday.date(), holiday.nameFr(), holiday.nameAr(), holiday.kind().name());
    }
  }

  /** A tenant's holidays of one year, in date order, and how many working days the year has. */
  public record YearView(String tenantId, int year, int workingDays, List<HolidayView> holidays) {}

  /** The due date {@code days} working days after {@code from}. */
  public record DueDateView(String tenantId, LocalDate from, int days, LocalDate due) {}
}
