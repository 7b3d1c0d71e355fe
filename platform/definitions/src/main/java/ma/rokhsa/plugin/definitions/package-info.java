/**
 * Procedure definitions written as data: the YAML reader behind the plugin API's {@code
 * DefinitionLoader}, used by the platform when a plugin starts and by the testkit in plugin tests.
 */
package ma.rokhsa.plugin.definitions;
