/**
 * Infrastructure: the technical means behind the domain's interfaces (persistence, configuration,
 * health, lifecycle, and later search, plugins and crypto), one subpackage per concern.
 */
package ma.rokhsa.infrastructure;
