/**
 * MicroProfile Health checks: what {@code /health/started}, {@code /ready} and {@code /live}
 * report.
 */
package ma.rokhsa.infrastructure.health;
