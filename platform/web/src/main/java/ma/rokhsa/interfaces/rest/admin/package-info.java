/**
 * The national administration API under {@code /api/admin}: tenants, the tenant configuration and
 * the rollout.
 */
package ma.rokhsa.interfaces.rest.admin;
