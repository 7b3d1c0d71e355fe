/**
 * The audit-chain verification an operator runs without the application server: plain JDBC over the
 * database, the same hash and chain walk as the platform's own.
 */
package ma.rokhsa.infrastructure.audit;
