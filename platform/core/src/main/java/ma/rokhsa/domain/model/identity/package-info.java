/**
 * Who acts on the platform: accounts, the roles they hold and where (a tenant, a territory, or the
 * whole nation).
 */
package ma.rokhsa.domain.model.identity;
