/**
 * The working-day calendar of Morocco: fixed and Hijri (ICU4J) public holidays, the changes
 * announced in {@code tenant-config/calendar/}, and each tenant's calendar, cached per year.
 */
package ma.rokhsa.infrastructure.calendar;
