/**
 * The audit trail: who did what, when and from where, appended to one hash chain per tenant, never
 * changed or removed; and the verification that proves a chain intact or names its first break.
 */
package ma.rokhsa.domain.model.audit;
