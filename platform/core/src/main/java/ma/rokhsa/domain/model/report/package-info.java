/**
 * Reports on how the administration keeps its delays: the working days a decision took, counted as
 * the legal clock counts them, and their distribution per commune and procedure (ADR 0036).
 */
package ma.rokhsa.domain.model.report;
