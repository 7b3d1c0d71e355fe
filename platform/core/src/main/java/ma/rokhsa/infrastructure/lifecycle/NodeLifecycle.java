package ma.rokhsa.infrastructure.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where this node is in its life, and the requests it is serving: {@link Phase#STARTING} until
 * {@link PlatformBootstrap} has brought everything up, {@link Phase#SERVING} until it is told to
 * stop, then {@link Phase#DRAINING}, when it takes no new request and waits for those in flight.
 *
 * <p>The servlet filter at the front of the application ({@code interfaces.web.ServingGate}) calls
 * {@link #enter()} and {@link #exit()} around every request; readiness reads {@link #phase()}.
 */
@ApplicationScoped
public class NodeLifecycle {

  /** The phases, in the only order they follow. */
  public enum Phase {
    STARTING,
    SERVING,
    DRAINING
  }

  private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.STARTING);
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Object idle = new Object();

  public Phase phase() {
    return phase.get();
  }

  /** Requests being served now. */
  public int inFlight() {
    return inFlight.get();
  }

  /**
   * A request arrives: {@code true} if this node serves it (then {@link #exit()} must follow), or
   * {@code false} if it is starting or draining and the request must be refused.
   */
  public boolean enter() {
    inFlight.incrementAndGet();
    if (phase.get() != Phase.SERVING) {
      exit();
      return false;
    }
    return true;
  }

  /** A request {@link #enter() entered} is done. */
  public void exit() {
    if (inFlight.decrementAndGet() == 0) {
      synchronized (idle) {
        idle.notifyAll();
      }
    }
  }

  void serving() {
    phase.compareAndSet(Phase.STARTING, Phase.SERVING);
  }

  /**
   * Stops taking requests and waits for those in flight, at most {@code bound}.
   *
   * @return the requests still in flight when it stopped waiting (0 when all finished)
   */
  int drain(Duration bound) {
    phase.set(Phase.DRAINING);
    Instant deadline = Instant.now().plus(bound);
    synchronized (idle) {
      while (inFlight.get() > 0) {
        long left = Duration.between(Instant.now(), deadline).toMillis();
        if (left <= 0) {
          break;
        }
        try {
          idle.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    return inFlight.get();
  }
}
