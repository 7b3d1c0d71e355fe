/**
 * Notification channels: how the platform's messages to applicants and agents reach them (e-mail is
 * built in; SMS, a messaging app or a government inbox come as plugins).
 */
package ma.rokhsa.plugin.api.notification;
