package ma.rokhsa.interfaces.rest.calendar;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import ma.rokhsa.domain.model.calendar.HolidayCalendar;
import ma.rokhsa.domain.model.calendar.WorkingCalendar;
import ma.rokhsa.domain.model.calendar.WorkingCalendars;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.interfaces.rest.InvalidParameter;
import ma.rokhsa.interfaces.rest.calendar.CalendarRepresentations.DueDateView;
import ma.rokhsa.interfaces.rest.calendar.CalendarRepresentations.HolidayView;
import ma.rokhsa.interfaces.rest.calendar.CalendarRepresentations.YearView;
import ma.rokhsa.interfaces.rest.tenant.RequestTenant;
import ma.rokhsa.interfaces.rest.tenant.TenantBound;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A tenant's working-day calendar, for anyone who may see the tenant ({@link TenantBound}: the
 * filter has already drawn the boundary).
 */
@Path("tenants/{tenantId}/calendar")
@RequestScoped
@TenantBound
@Tag(name = "Calendar")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {

  /** The longest span asked for at once: ten years of working days. */
  static final int MAX_DAYS = 2_600;

  @Inject RequestTenant request;
  @Inject WorkingCalendars calendars;

  @GET
  @Path("{year}")
  @Operation(
      summary = "The tenant's holidays and closures of a year",
      description =
          "Public holidays (fixed, Hijri computed, or as announced in tenant-config/calendar/) and"
              + " the tenant's own closures, in date order; weekends are not listed.")
  public YearView year(@PathParam("year") String year) {
    int value = parseYear(year);
    TenantId tenant = request.tenant().id();
    WorkingCalendar calendar = calendars.forTenant(tenant);
    LocalDate first = LocalDate.of(value, 1, 1);
    int workingDays =
        calendar.workingDaysBetween(first.minusDays(1), first.withDayOfYear(first.lengthOfYear()));
    return new YearView(
        tenant.value(),
        value,
        workingDays,
        calendar.holidays(value).stream().map(HolidayView::of).toList());
  }

  @GET
  @Path("working-days")
  @Operation(
      summary = "The due date a number of working days after a date",
      description =
          "The days-th working day strictly after from (from itself when days is 0), in this"
              + " tenant's calendar.")
  public DueDateView dueDate(@QueryParam("from") String from, @QueryParam("days") String days) {
    if (from == null || days == null) {
      throw new InvalidParameter(
          from == null ? "from" : "days",
          "from (YYYY-MM-DD) and days (a whole number) are required");
    }
    LocalDate start;
    try {
      start = LocalDate.parse(from.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidParameter("from", "from must be a date (YYYY-MM-DD), not '" + from + "'");
    }
    int count;
    try {
      count = Integer.parseInt(days.strip());
    } catch (NumberFormatException e) {
      count = -1;
    }
    if (count < 0 || count > MAX_DAYS) {
      throw new InvalidParameter(
          "days", "days must be a whole number from 0 to " + MAX_DAYS + ", not '" + days + "'");
    }
    parseYear(Integer.toString(start.getYear()));
    TenantId tenant = request.tenant().id();
    try {
      LocalDate due = calendars.forTenant(tenant).addWorkingDays(start, count);
      return new DueDateView(tenant.value(), start, count, due);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  private static int parseYear(String text) {
    try {
      int year = Integer.parseInt(text.strip());
      if (year >= HolidayCalendar.FIRST_YEAR && year <= HolidayCalendar.LAST_YEAR) {
        return year;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadRequestException(
        "the calendar covers the years "
            + HolidayCalendar.FIRST_YEAR
            + " to "
            + HolidayCalendar.LAST_YEAR
            + ", not '"
            + text
            + "'");
  }
}
