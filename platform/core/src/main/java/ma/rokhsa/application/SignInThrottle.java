package ma.rokhsa.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins on this node in sliding windows, so that an outsider can neither guess
 * passwords quickly nor lock anyone out (ADR 0023):
 *
 * <ul>
 *   <li>per username <em>and</em> client address: after {@code perAccountAddress} failures in the
 *       window, that address may not try that username again until the oldest failure leaves the
 *       window — other addresses still may, so five bad passwords from one place do not lock the
 *       account;
 *   <li>per client address: after {@code perAddress} failures (any usernames), that address may not
 *       try at all for a while;
 *   <li>globally: after {@code global} failures on the node in the window, every sign-in waits (a
 *       distributed guessing campaign slows down everyone rather than unlocking anyone).
 * </ul>
 *
 * Usernames are counted whether or not an account has them, so that the answers do not tell which
 * exist. The account's own lock, in the database, remains for slow guessing from many addresses,
 * with a threshold far above what one address may try.
 *
 * <p>Holds no resource; thread-safe. Memory is bounded: at most {@code maxKeys} usernames and
 * addresses are tracked; beyond that, expired windows are purged and, if still full, the oldest
 * entries dropped (which only forgets failures, it never refuses anyone more).
 */
public final class SignInThrottle {

  private final Clock clock;
  private final Duration window;
  private final int perAccountAddress;
  private final int perAddress;
  private final int global;
  private final int maxKeys;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final Deque<Instant> everywhere = new ArrayDeque<>();

  /**
   * @param window how far back failures count
   * @param perAccountAddress failures of one username from one address before that pair waits
   * @param perAddress failures from one address before it waits
   * @param global failures on this node before every sign-in waits
   * @param maxKeys at most this many usernames × addresses and addresses are tracked
   */
  public SignInThrottle(
      Clock clock,
      Duration window,
      int perAccountAddress,
      int perAddress,
      int global,
      int maxKeys) {
    if (window.isNegative() || window.isZero() || perAccountAddress < 1 || perAddress < 1) {
      throw new IllegalArgumentException("sign-in throttling needs a window and positive limits");
    }
    this.clock = clock;
    this.window = window;
    this.perAccountAddress = perAccountAddress;
    this.perAddress = perAddress;
    this.global = global;
    this.maxKeys = maxKeys;
  }

  /**
   * Lets a sign-in attempt go on, or refuses it.
   *
   * @throws TooManyRequests with how long to wait
   */
  public void admit(String username, String address) {
    Instant now = clock.instant();
    Instant since = now.minus(window);
    if (global > 0) {
      synchronized (everywhere) {
        drop(everywhere, since);
        if (everywhere.size() >= global) {
          throw new TooManyRequests(
              "Too many failed sign-ins on this server: try again shortly.",
              Duration.between(since, everywhere.peekFirst()).plusSeconds(1));
        }
      }
    }
    refuseIfFull(addressKey(address), perAddress, since, "from this address");
    refuseIfFull(pairKey(username, address), perAccountAddress, since, "for this account here");
  }

  /** Counts a failure (wrong password, unknown username, locked or disabled account). */
  public void failed(String username, String address) {
    Instant now = clock.instant();
    if (failures.size() >= maxKeys) {
      purge(now.minus(window));
    }
    add(addressKey(address), now);
    add(pairKey(username, address), now);
    if (global > 0) {
      synchronized (everywhere) {
        everywhere.addLast(now);
        drop(everywhere, now.minus(window));
      }
    }
  }

  /** A right password from this address clears that pair's failures (not the address's). */
  public void succeeded(String username, String address) {
    failures.remove(pairKey(username, address));
  }

  private void refuseIfFull(String key, int limit, Instant since, String where) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return;
    }
    synchronized (times) {
      drop(times, since);
      if (times.size() >= limit) {
        throw new TooManyRequests(
            "Too many failed sign-ins " + where + ": try again later.",
            Duration.between(since, times.peekFirst()).plusSeconds(1));
      }
    }
  }

  private void add(String key, Instant now) {
    Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      times.addLast(now);
      // Never more than the largest limit is needed to decide.
      while (times.size() > Math.max(perAddress, perAccountAddress)) {
        times.removeFirst();
      }
    }
  }

  private void purge(Instant since) {
    Iterator<Map.Entry<String, Deque<Instant>>> entries = failures.entrySet().iterator();
    while (entries.hasNext()) {
      Deque<Instant> times = entries.next().getValue();
      synchronized (times) {
        drop(times, since);
        if (times.isEmpty()) {
          entries.remove();
        }
      }
    }
    entries = failures.entrySet().iterator();
    while (failures.size() >= maxKeys && entries.hasNext()) {
      entries.next();
      entries.remove();
    }
  }

  private static void drop(Deque<Instant> times, Instant since) {
    while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
      times.removeFirst();
    }
  }

  private static String addressKey(String address) {
    return "a\u0000" + (address == null ? "" : address);
  }

  private static String pairKey(String username, String address) {
    String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    return "u\u0000" + name + "\u0000" + (address == null ? "" : address);
  }
}
