/**
 * Work the platform does on its own, on a schedule: the legal clock of dossiers. Runs on the
 * container's managed executor, so that it stops with the application.
 */
package ma.rokhsa.infrastructure.scheduling;
