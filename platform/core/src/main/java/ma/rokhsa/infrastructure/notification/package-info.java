/**
 * The notification outbox and its channels: queuing in the caller's transaction, the dispatcher
 * that claims due rows with a lease and sends them, and the built-in e-mail channel over SMTP.
 */
package ma.rokhsa.infrastructure.notification;
