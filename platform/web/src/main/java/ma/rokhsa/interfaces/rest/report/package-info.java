/**
 * {@code GET /api/reports/delays}: the dashboard of delays per commune and procedure, in JSON or
 * CSV, in the caller's scope (ADR 0036).
 */
package ma.rokhsa.interfaces.rest.report;
