/**
 * The legal working-day calendar: which days count towards a dossier's deadline in one tenant
 * (weekends, public holidays, announced changes and the tenant's own closures excluded).
 */
package ma.rokhsa.domain.model.calendar;
