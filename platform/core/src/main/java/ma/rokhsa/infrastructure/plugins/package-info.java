/**
 * The plugin host: loads the procedure and signature-provider plugins (PF4J zips), checks each
 * against the plugin API version and its signature, keeps each one's state and reason, and isolates
 * a faulty plugin so that it never takes the platform down. {@link
 * ma.rokhsa.infrastructure.plugins.PluginHost} puts together trust, catalog, installation and node
 * sync.
 */
package ma.rokhsa.infrastructure.plugins;
