/**
 * The tenant-scoped API under {@code /api/tenants/{tenantId}}: one filter resolves the tenant and
 * the caller's access to it (the one place tenant boundaries are drawn for requests), then hands
 * the request to the tenant's resources.
 */
package ma.rokhsa.interfaces.rest.tenant;
