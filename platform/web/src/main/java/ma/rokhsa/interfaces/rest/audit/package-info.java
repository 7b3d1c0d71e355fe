/**
 * A tenant's audit trail over REST, under {@code /api/tenants/{tenantId}/audit}: its entries, page
 * by page, and the verification of its hash chain.
 */
package ma.rokhsa.interfaces.rest.audit;
