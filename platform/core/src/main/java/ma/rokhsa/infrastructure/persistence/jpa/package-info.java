/** JPA (EclipseLink) implementations of the domain's repositories. */
package ma.rokhsa.infrastructure.persistence.jpa;
