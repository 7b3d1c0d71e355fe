package ma.rokhsa.domain.model.calendar;

import ma.rokhsa.domain.model.tenant.TenantId;

/** Application-scoped CDI bean (implementation in infrastructure) giving each tenant's calendar. */
public interface WorkingCalendars {

  WorkingCalendar forTenant(TenantId tenant);

  /**
   * Counts the settings applied so far: it changes whenever new settings (holidays announced,
   * closures) are applied, so that due dates counted before can be counted again.
   */
  long revision();
}
