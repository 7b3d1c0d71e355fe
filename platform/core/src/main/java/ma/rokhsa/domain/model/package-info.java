/** Aggregates of the domain, one subpackage each, with their repository interfaces. */
package ma.rokhsa.domain.model;
