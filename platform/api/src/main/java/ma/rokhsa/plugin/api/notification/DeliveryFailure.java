package ma.rokhsa.plugin.api.notification;

/**
 * A message was not delivered. Transient failures (the gateway is unreachable, it asks to slow
 * down) are retried later with growing delays; permanent ones (the address does not exist, the
 * message is refused) are recorded as failed at once, with the reason, for an operator to see.
 */
public class DeliveryFailure extends Exception {

  private static final long serialVersionUID = 1L;

  private final boolean transientFailure;

  private DeliveryFailure(String reason, boolean transientFailure, Throwable cause) {
    super(reason, cause);
    this.transientFailure = transientFailure;
  }

  /** Trying again later may succeed: the receiving system is down, slow, or rate-limiting. */
  public static DeliveryFailure transientFailure(String reason, Throwable cause) {
    return new DeliveryFailure(reason, true, cause);
  }

  /** Trying again will not help: the recipient does not exist, the message is refused. */
  public static DeliveryFailure permanentFailure(String reason, Throwable cause) {
    return new DeliveryFailure(reason, false, cause);
  }

  /** Whether the platform should try again later. */
  public boolean isTransient() {
    return transientFailure;
  }
}
