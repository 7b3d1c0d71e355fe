package ma.rokhsa.infrastructure.search.changes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Keeps the search change log from growing forever (ADR 0027, migration V27). Every node applies
 * every change, so a row may go only when every node has applied it:
 *
 * <ul>
 *   <li>each node {@link #report reports} the low-water mark of the cursor it has
 *       <em>committed</em> with its index (what it would restart from after {@code kill -9}), at
 *       every checkpoint;
 *   <li>{@link #purge} deletes the rows at or below the smallest mark of the nodes that reported
 *       within the node expiry, and only those older than the retention window, and records that
 *       number as the horizon;
 *   <li>a node whose committed mark is below the horizon (away longer than the node expiry, or new
 *       with an old index copied in) has missed changes: {@link #report} says so and the node
 *       rebuilds its index from the database; {@link #hold} keeps the horizon where it is while it
 *       does.
 * </ul>
 *
 * <p>Reports and purges lock the one horizon row ({@code select … for update}), so a purge either
 * sees a node's report or the node sees the purge's horizon: never neither. The deletion itself
 * runs after, in chunks, outside that lock. Holds no connection between calls.
 */
public final class SearchChangePurge {

  private static final Logger LOG = Logger.getLogger(SearchChangePurge.class.getName());

  /** Sequence numbers deleted per statement (each its own transaction). */
  static final int CHUNK = 10_000;

  private final DataSource database;
  private final Duration retention;
  private final Duration nodeExpiry;

  /**
   * @param retention rows younger than this are kept even if every node has applied them (a margin
   *     for operators and diagnosis; safety comes from the nodes' reports)
   * @param nodeExpiry a node that has not reported for this long no longer holds rows back; it
   *     rebuilds its index when it comes back
   */
  public SearchChangePurge(DataSource database, Duration retention, Duration nodeExpiry) {
    this.database = Objects.requireNonNull(database, "database");
    this.retention = Objects.requireNonNull(retention, "retention");
    this.nodeExpiry = Objects.requireNonNull(nodeExpiry, "nodeExpiry");
  }

  /**
   * Records where this node's committed index is in the log.
   *
   * @param lowWater the low-water mark of the cursor committed with the index ({@link
   *     ChangeCursor#lowWater()})
   * @return {@code false} if the log has been purged past it: changes this node has not applied are
   *     gone, and its index must be rebuilt from the database
   */
  public boolean report(String node, long lowWater, Instant now) throws SQLException {
    try (Connection c = database.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        long horizon = lockHorizon(c);
        upsert(c, node, lowWater, now);
        c.commit();
        return lowWater >= horizon;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    }
  }

  /**
   * Before a rebuild: records this node at the current horizon, so that no purge deletes changes
   * that commit while the rebuild reads the dossiers; its next {@link #report} moves it on.
   *
   * @return the horizon: every change at or below it is gone from the log
   */
  public long hold(String node, Instant now) throws SQLException {
    try (Connection c = database.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        long horizon = lockHorizon(c);
        upsert(c, node, horizon, now);
        c.commit();
        return horizon;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    }
  }

  /**
   * Moves the horizon to what every live node has applied and deletes the rows below it. Safe on
   * several nodes at once (the horizon row serializes them; deleting twice deletes nothing).
   *
   * @return the rows deleted
   */
  public long purge(Instant now) throws SQLException {
    long from;
    long through;
    try (Connection c = database.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        long old = lockHorizon(c);
        long applied;
        try (PreparedStatement q =
            c.prepareStatement(
                "select count(*), min(low_water) from search_node where reported_at >= ?")) {
          q.setTimestamp(1, Timestamp.from(now.minus(nodeExpiry)));
          try (ResultSet rs = q.executeQuery()) {
            rs.next();
            if (rs.getLong(1) == 0) {
              c.commit();
              return 0;
            }
            applied = rs.getLong(2);
          }
        }
        long oldEnough = -1;
        try (PreparedStatement q =
            c.prepareStatement(
                "select max(seq) from search_change where seq <= ? and changed_at < ?")) {
          q.setLong(1, applied);
          q.setTimestamp(2, Timestamp.from(now.minus(retention)));
          try (ResultSet rs = q.executeQuery()) {
            if (rs.next()) {
              long max = rs.getLong(1);
              oldEnough = rs.wasNull() ? -1 : max;
            }
          }
        }
        through = Math.max(old, oldEnough);
        if (through > old) {
          try (PreparedStatement u =
              c.prepareStatement(
                  "update search_change_horizon set purged_through = ? where id = 1")) {
            u.setLong(1, through);
            u.executeUpdate();
          }
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
      try (PreparedStatement q = c.prepareStatement("select min(seq) from search_change")) {
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          from = rs.getLong(1);
          if (rs.wasNull() || from > through) {
            return 0;
          }
        }
      }
      long deleted = 0;
      try (PreparedStatement d =
          c.prepareStatement("delete from search_change where seq >= ? and seq <= ?")) {
        for (long low = from; low <= through; low += CHUNK) {
          d.setLong(1, low);
          d.setLong(2, Math.min(through, low + CHUNK - 1));
          deleted += d.executeUpdate();
        }
      }
      if (deleted > 0) {
        long n = deleted;
        LOG.fine(() -> "search change log: " + n + " rows purged through " + through);
      }
      return deleted;
    }
  }

  /** Every change at or below this number has been purged (0: none). */
  public long horizon() throws SQLException {
    try (Connection c = database.getConnection()) {
      return horizon(c);
    }
  }

  /** What an operator wants to know of the log: its rows, the horizon, the nodes reporting. */
  public record State(long rows, long purgedThrough, int liveNodes, long minLowWater) {}

  public State state(Instant now) throws SQLException {
    try (Connection c = database.getConnection()) {
      long rows;
      try (PreparedStatement q = c.prepareStatement("select count(*) from search_change");
          ResultSet rs = q.executeQuery()) {
        rs.next();
        rows = rs.getLong(1);
      }
      try (PreparedStatement q =
          c.prepareStatement(
              "select count(*), coalesce(min(low_water), 0) from search_node"
                  + " where reported_at >= ?")) {
        q.setTimestamp(1, Timestamp.from(now.minus(nodeExpiry)));
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          return new State(rows, horizon(c), rs.getInt(1), rs.getLong(2));
        }
      }
    }
  }

  static long horizon(Connection c) throws SQLException {
    try (PreparedStatement q =
            c.prepareStatement("select purged_through from search_change_horizon where id = 1");
        ResultSet rs = q.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  private static long lockHorizon(Connection c) throws SQLException {
    try (PreparedStatement q =
            c.prepareStatement(
                "select purged_through from search_change_horizon where id = 1 for update");
        ResultSet rs = q.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("search_change_horizon has no row (migration V27)");
      }
      return rs.getLong(1);
    }
  }

  private static void upsert(Connection c, String node, long lowWater, Instant now)
      throws SQLException {
    try (PreparedStatement u =
        c.prepareStatement(
            "update search_node set low_water = ?, reported_at = ? where node_id = ?")) {
      u.setLong(1, lowWater);
      u.setTimestamp(2, Timestamp.from(now));
      u.setString(3, node);
      if (u.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement i =
        c.prepareStatement(
            "insert into search_node (node_id, low_water, reported_at) values (?, ?, ?)")) {
      i.setString(1, node);
      i.setLong(2, lowWater);
      i.setTimestamp(3, Timestamp.from(now));
      i.executeUpdate();
    }
  }
}
