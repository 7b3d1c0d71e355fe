package ma.rokhsa.domain.model.calendar;

import ma.rokhsa.domain.model.tenant.TenantId;

/** Application-scoped CDI bean (implementation in infrastructure) giving each tenant's calendar. */
public interface WorkingCalendars {

  WorkingCalendar forTenant(TenantId tenant);
}
