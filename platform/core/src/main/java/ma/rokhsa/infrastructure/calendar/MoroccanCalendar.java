package ma.rokhsa.infrastructure.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import ma.rokhsa.domain.model.calendar.AnnouncedChanges;
import ma.rokhsa.domain.model.calendar.CalendarSettings;
import ma.rokhsa.domain.model.calendar.Holiday;
import ma.rokhsa.domain.model.calendar.HolidayCalendar;
import ma.rokhsa.domain.model.calendar.WorkingCalendar;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.infrastructure.calendar.MoroccanHolidays.Observance;

/**
 * Morocco's holidays with the announced changes applied, and each tenant's working calendar (the
 * national holidays plus its own closures). Plain Java: no container needed. Each tenant's calendar
 * is made once and keeps each year it was asked for; a new configuration is a new instance.
 * Thread-safe.
 */
public final class MoroccanCalendar {

  private static final Comparator<Holiday> BY_DATE =
      Comparator.comparing(Holiday::date).thenComparing(Holiday::kind);

  private final MoroccanHolidays rules;
  private final CalendarSettings settings;
  private final Map<Integer, List<Holiday>> national = new ConcurrentHashMap<>();
  private final Map<TenantId, WorkingCalendar> tenants = new ConcurrentHashMap<>();

  public MoroccanCalendar(MoroccanHolidays rules, CalendarSettings settings) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** The working calendar of {@code tenant}. */
  public WorkingCalendar forTenant(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return tenants.computeIfAbsent(tenant, id -> new HolidayCalendar(year -> holidays(id, year)));
  }

  /** The national holidays of {@code year}, announcements applied, in date order. */
  public List<Holiday> national(int year) {
    return national.computeIfAbsent(year, this::computeNational);
  }

  private List<Holiday> holidays(TenantId tenant, int year) {
    List<Holiday> holidays = new ArrayList<>(national(year));
    settings.closures(tenant).stream()
        .filter(closure -> closure.date().getYear() == year)
        .forEach(holidays::add);
    holidays.sort(BY_DATE);
    return holidays;
  }

  private List<Holiday> computeNational(int year) {
    // A holiday announced for early January may have been computed in the year before, and the
    // second day of a late-December holiday spills into the next: look one year either side.
    List<Observance> observances = new ArrayList<>();
    for (int y = year - 1; y <= year + 1; y++) {
      observances.addAll(rules.observances(y));
    }
    for (int y = year - 1; y <= year + 1; y++) {
      AnnouncedChanges changes = settings.changes(y);
      for (Map.Entry<String, LocalDate> announced : changes.announced().entrySet()) {
        Optional<Observance> computed = rules.nearest(announced.getKey(), announced.getValue());
        if (computed.isEmpty()) {
          throw new IllegalStateException(
              announced.getKey()
                  + " announced on "
                  + announced.getValue()
                  + " is not near its computed date");
        }
        int index = observances.indexOf(computed.get());
        if (index >= 0) {
          observances.set(index, computed.get().announcedOn(announced.getValue()));
        }
      }
      int changedYear = y;
      observances.removeIf(
          o ->
              o.firstDay().getYear() == changedYear && changes.removedHolidays().contains(o.key()));
    }
    List<Holiday> holidays = new ArrayList<>();
    for (Observance observance : observances) {
      for (Holiday day : observance.days()) {
        if (day.date().getYear() == year
            && !settings.changes(year).removedDays().contains(day.date())) {
          holidays.add(day);
        }
      }
    }
    holidays.addAll(settings.changes(year).added());
    holidays.sort(BY_DATE);
    return List.copyOf(holidays);
  }
}
