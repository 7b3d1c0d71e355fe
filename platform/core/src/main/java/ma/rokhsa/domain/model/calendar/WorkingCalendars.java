package ma.rokhsa.domain.model.calendar;

/** Application-scoped CDI bean (implementation in infrastructure) giving each tenant's calendar. */
public interface WorkingCalendars {
  WorkingCalendar forTenant(ma.rokhsa.domain.model.tenant.TenantId tenant);
}
