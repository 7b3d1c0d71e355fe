/**
 * The reports' reads: plain JDBC across tenants, read-only, the same SQL on PostgreSQL and H2 (ADR
 * 0036). Who may see which tenants is the application's to decide, never this package's.
 */
package ma.rokhsa.infrastructure.report;
