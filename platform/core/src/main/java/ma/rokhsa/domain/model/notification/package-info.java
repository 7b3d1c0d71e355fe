/**
 * Notifications to applicants and agents, queued in an outbox in the transaction of the change they
 * report, and delivered later through a channel (e-mail, or one a plugin offers) with retries.
 */
package ma.rokhsa.domain.model.notification;
