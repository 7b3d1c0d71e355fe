package ma.rokhsa.plugin.api.notification;

import ma.rokhsa.plugin.api.Incubating;
import org.pf4j.ExtensionPoint;

/**
 * A way to reach people: SMS through an operator's gateway, a messaging app, a government inbox.
 * The platform queues every notification in its outbox, in the same transaction as the change it
 * reports, and later hands it to the channel the notification names; it retries what fails for a
 * transient reason, with growing delays, and gives up on permanent failures.
 *
 * <pre>{@code
 * @Extension
 * public class SmsChannel implements NotificationChannel {
 *   public String id() { return "sms"; }
 *   public void send(Message message) throws DeliveryFailure {
 *     // call the gateway; throw DeliveryFailure.transientFailure(...) if it is unreachable
 *   }
 * }
 * }</pre>
 *
 * <p><b>Delivery is at least once.</b> If a node stops between a successful {@link #send} and the
 * moment the platform records it, the message is sent again, with the same {@link
 * Message#messageId()}: pass it on to the receiving system (as a de-duplication key, a header, a
 * client reference) wherever it accepts one. {@code send} is called from one background thread per
 * node at a time, never from a request; it must return within tens of seconds (set timeouts on
 * every network call).
 */
@Incubating
public interface NotificationChannel extends ExtensionPoint {

  /**
   * A stable kebab-case id ({@code sms}), by which notifications name their channel. {@code email}
   * is the platform's own.
   */
  String id();

  /**
   * Delivers one message, or says why not.
   *
   * @throws DeliveryFailure if the message was not delivered; {@link DeliveryFailure#isTransient()}
   *     says whether trying again later may succeed. Any other exception counts as transient.
   */
  void send(Message message) throws DeliveryFailure;
}
