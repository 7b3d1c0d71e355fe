package ma.rokhsa.infrastructure.search.changes;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a node is in the change log: every change up to {@code highWater} has been read, except the
 * {@code gaps} — sequence numbers below it not seen yet, each with the time the node first noticed
 * it missing. A gap is a change whose transaction has not committed (it will be read when it does)
 * or one that rolled back (it never will: it is dropped after a timeout longer than any
 * transaction).
 *
 * <p>Kept in the commit data of the node's index ({@link #encode()}), so the index and its cursor
 * are durable together.
 */
public record ChangeCursor(long highWater, NavigableMap<Long, Instant> gaps) {

  /** A node that has read nothing. */
  public static final ChangeCursor START = new ChangeCursor(0, new TreeMap<>());

  public ChangeCursor {
    if (highWater < 0) {
      throw new IllegalArgumentException("highWater " + highWater);
    }
    gaps = Collections.unmodifiableNavigableMap(new TreeMap<>(gaps));
    if (!gaps.isEmpty() && gaps.lastKey() >= highWater) {
      throw new IllegalArgumentException("a gap at or above the high-water mark");
    }
  }

  /** Every change up to this sequence number has been read (or was given up as rolled back). */
  public long lowWater() {
    return gaps.isEmpty() ? highWater : gaps.firstKey() - 1;
  }

  /** {@code highWater;seq@epochMilli,seq@epochMilli…} */
  public String encode() {
    StringBuilder b = new StringBuilder().append(highWater).append(';');
    String sep = "";
    for (Map.Entry<Long, Instant> g : gaps.entrySet()) {
      b.append(sep).append(g.getKey()).append('@').append(g.getValue().toEpochMilli());
      sep = ",";
    }
    return b.toString();
  }

  /**
   * Reads an encoded cursor.
   *
   * @throws IllegalArgumentException if it is not one
   */
  public static ChangeCursor decode(String text) {
    Objects.requireNonNull(text, "text");
    int semi = text.indexOf(';');
    if (semi < 0) {
      throw new IllegalArgumentException("not a change cursor: " + text);
    }
    try {
      long high = Long.parseLong(text.substring(0, semi));
      TreeMap<Long, Instant> gaps = new TreeMap<>();
      String rest = text.substring(semi + 1);
      if (!rest.isEmpty()) {
        for (String g : rest.split(",")) {
          int at = g.indexOf('@');
          gaps.put(
              Long.parseLong(g.substring(0, at)),
              Instant.ofEpochMilli(Long.parseLong(g.substring(at + 1))));
        }
      }
      return new ChangeCursor(high, gaps);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a change cursor: " + text, e);
    }
  }
}
