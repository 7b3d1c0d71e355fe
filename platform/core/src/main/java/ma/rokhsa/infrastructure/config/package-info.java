/**
 * The platform's settings, read through MicroProfile Config (system properties, environment
 * variables, then defaults), and the facts of the build. Documented in docs/configuration.md.
 */
package ma.rokhsa.infrastructure.config;
