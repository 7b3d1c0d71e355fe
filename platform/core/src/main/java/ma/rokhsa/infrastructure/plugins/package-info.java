/**
 * The plugin host: loads the procedure and signature-provider plugins (PF4J zips), checks each
 * against the plugin API version, keeps each one's state and reason, and isolates a faulty plugin
 * so that it never takes the platform down.
 */
package ma.rokhsa.infrastructure.plugins;
