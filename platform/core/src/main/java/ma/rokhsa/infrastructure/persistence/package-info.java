/**
 * The database: the application's data source (H2 files by default, PostgreSQL by configuration),
 * schema migrations with Flyway, and the database's readiness.
 */
package ma.rokhsa.infrastructure.persistence;
