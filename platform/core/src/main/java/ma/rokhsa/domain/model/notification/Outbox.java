package ma.rokhsa.domain.model.notification;

import ma.rokhsa.domain.model.tenant.TenantId;

/**
 * Where notifications wait to be sent. {@link #enqueue} writes into the caller's transaction
 * ({@code Transactional MANDATORY}: calling it outside one fails): the notification exists only if
 * the change it reports commits, and is then delivered at least once, in the background, by the
 * outbox dispatcher.
 *
 * <pre>{@code
 * @Transactional
 * public void deposit(TenantId tenant, ...) {
 *   dossiers.store(dossier);
 *   outbox.enqueue(tenant, new Notification("email", applicant.email(), "ar", subject, body));
 * }
 * }</pre>
 */
public interface Outbox {

  /**
   * Queues a notification for the tenant on whose behalf it is sent, in the caller's transaction.
   *
   * @throws jakarta.transaction.TransactionalException if no transaction is active
   */
  void enqueue(TenantId tenant, Notification notification);
}
