/**
 * Application services: thin, transactional coordinators that check permissions, call the domain
 * and publish events. Every use case the interfaces offer enters here.
 */
package ma.rokhsa.application;
