package ma.rokhsa.infrastructure.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import ma.rokhsa.domain.model.calendar.CalendarSettings;
import ma.rokhsa.domain.model.calendar.WorkingCalendar;
import ma.rokhsa.domain.model.calendar.WorkingCalendars;
import ma.rokhsa.domain.model.tenant.TenantId;

/**
 * Every tenant's working calendar, from the settings of {@code tenant-config/calendar/} as last
 * applied (at startup and on each tenant-config reload, by the tenant-config source). Applying new
 * settings drops every cached year at once; a {@link WorkingCalendar} obtained before keeps the old
 * settings, so ask {@link #forTenant} for each computation rather than keeping one.
 */
@ApplicationScoped
public class ConfiguredWorkingCalendars implements WorkingCalendars {

  private static final Logger LOG = Logger.getLogger(ConfiguredWorkingCalendars.class.getName());

  private final MoroccanHolidays rules = new MoroccanHolidays();
  private volatile MoroccanCalendar calendar = new MoroccanCalendar(rules, CalendarSettings.NONE);
  private final AtomicLong revision = new AtomicLong();

  @Override
  public WorkingCalendar forTenant(TenantId tenant) {
    return calendar.forTenant(tenant);
  }

  /** Replaces the settings (already checked by the loader). */
  public void apply(CalendarSettings settings) {
    calendar = new MoroccanCalendar(rules, settings);
    revision.incrementAndGet();
    LOG.info(
        () ->
            "Working-day calendar: announced changes for years "
                + settings.years().keySet().stream().sorted().toList()
                + ", closures for "
                + settings.closures().size()
                + " tenant(s).");
  }

  @Override
  public long revision() {
    return revision.get();
  }

  /** The rules the settings are checked against. */
  public MoroccanHolidays rules() {
    return rules;
  }
}
