/**
 * Start and stop of the platform: what runs once the application is deployed (schema, installation,
 * the banner that says where to go) and what must be closed when it stops.
 */
package ma.rokhsa.infrastructure.lifecycle;
