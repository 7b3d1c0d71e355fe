/**
 * The domain model: aggregates, value objects and repository interfaces. Business rules live here;
 * no REST, no infrastructure.
 */
package ma.rokhsa.domain;
