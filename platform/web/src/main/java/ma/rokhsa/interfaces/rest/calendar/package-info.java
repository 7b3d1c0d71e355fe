/**
 * The working-day calendar over HTTP, under {@code /api/tenants/{tenantId}/calendar}: a tenant's
 * holidays for a year, and the due date a number of working days after a date.
 */
package ma.rokhsa.interfaces.rest.calendar;
