package ma.rokhsa.infrastructure.search.changes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The search change log, table {@code search_change} (migration V17), in plain JDBC: the reader
 * must see every node's and every tenant's rows, which EclipseLink's tenant filter would not allow,
 * and no JPA state is involved.
 *
 * <p>Reading follows ADR 0020: a change with a higher sequence number can commit before a lower
 * one, so "seq &gt; cursor" alone would skip the lower one forever. {@link #read} returns the rows
 * above the cursor's high-water mark, notes every number it jumps over as a gap, and re-reads the
 * gaps each time until they appear (a late commit) or are older than the gap timeout (a rollback:
 * the timeout must exceed the longest transaction that records a change, i.e. the transaction
 * timeout). Holds no connection between calls.
 */
public final class SearchChangeLog {

  private static final Logger LOG = Logger.getLogger(SearchChangeLog.class.getName());

  /** Gaps re-read per query (an IN list). */
  static final int GAPS_PER_QUERY = 500;

  private final DataSource database;
  private final Duration gapTimeout;

  /**
   * @param database the platform's database
   * @param gapTimeout how long a missing sequence number is waited for: longer than any transaction
   *     that records a change
   */
  public SearchChangeLog(DataSource database, Duration gapTimeout) {
    this.database = Objects.requireNonNull(database, "database");
    this.gapTimeout = Objects.requireNonNull(gapTimeout, "gapTimeout");
  }

  /**
   * Records that a dossier's searchable facts changed, on the connection of the transaction that
   * changes them (so the change is logged if and only if it commits).
   */
  public static void record(Connection transaction, String tenant, String dossierId, Instant at)
      throws SQLException {
    try (PreparedStatement insert =
        transaction.prepareStatement(
            "insert into search_change (tenant_id, dossier_id, changed_at) values (?, ?, ?)")) {
      insert.setString(1, tenant);
      insert.setString(2, dossierId);
      insert.setTimestamp(3, Timestamp.from(at));
      insert.executeUpdate();
    }
  }

  /** What a read returns: the changes to apply, in no particular order, and the next cursor. */
  public record Batch(List<SearchChange> changes, ChangeCursor next) {
    public Batch {
      changes = List.copyOf(changes);
    }
  }

  /**
   * The changes after this cursor: gaps that have filled since, and up to {@code limit} rows above
   * its high-water mark; gaps older than the timeout are dropped.
   *
   * @param now the node's clock, to time gaps
   */
  public Batch read(ChangeCursor cursor, int limit, Instant now) throws SQLException {
    List<SearchChange> changes = new ArrayList<>();
    NavigableMap<Long, Instant> gaps = new TreeMap<>(cursor.gaps());
    long high = cursor.highWater();
    try (Connection c = database.getConnection()) {
      // Gaps first: a change that commits now, between the two queries, below the high-water
      // mark, is then read next time (it is still a gap), never lost.
      List<Long> wanted = new ArrayList<>(gaps.keySet());
      for (int from = 0; from < wanted.size(); from += GAPS_PER_QUERY) {
        List<Long> part = wanted.subList(from, Math.min(wanted.size(), from + GAPS_PER_QUERY));
        for (SearchChange filled : byNumbers(c, part)) {
          changes.add(filled);
          gaps.remove(filled.seq());
        }
      }
      try (PreparedStatement above =
          c.prepareStatement(
              "select seq, tenant_id, dossier_id, changed_at from search_change"
                  + " where seq > ? order by seq fetch first ? rows only")) {
        above.setLong(1, high);
        above.setInt(2, limit);
        try (ResultSet rs = above.executeQuery()) {
          while (rs.next()) {
            SearchChange change = change(rs);
            for (long missing = high + 1; missing < change.seq(); missing++) {
              gaps.put(missing, now);
            }
            high = change.seq();
            changes.add(change);
          }
        }
      }
    }
    Instant expiry = now.minus(gapTimeout);
    gaps.entrySet()
        .removeIf(
            g -> {
              boolean expired = g.getValue().isBefore(expiry);
              if (expired) {
                LOG.fine(() -> "search change " + g.getKey() + " never committed: given up");
              }
              return expired;
            });
    return new Batch(changes, new ChangeCursor(high, gaps));
  }

  /**
   * A cursor for an index about to be rebuilt from the dossiers themselves: the current end of the
   * log, with the numbers missing in the last {@code window} below it as gaps (changes that may
   * still commit while the rebuild reads the dossiers).
   */
  public ChangeCursor tail(int window, Instant now) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement max = c.prepareStatement("select max(seq) from search_change")) {
      // Every change at or below the purge horizon is gone (SearchChangePurge): not a gap, and
      // the end of the log when every row is gone.
      long purged = SearchChangePurge.horizon(c);
      long high;
      try (ResultSet rs = max.executeQuery()) {
        rs.next();
        high = Math.max(purged, rs.getLong(1));
      }
      TreeMap<Long, Instant> gaps = new TreeMap<>();
      long from = Math.max(purged + 1, Math.max(1, high - window));
      for (long s = from; s < high; s++) {
        gaps.put(s, now);
      }
      try (PreparedStatement present =
          c.prepareStatement("select seq from search_change where seq >= ? and seq < ?")) {
        present.setLong(1, from);
        present.setLong(2, high);
        try (ResultSet rs = present.executeQuery()) {
          while (rs.next()) {
            gaps.remove(rs.getLong(1));
          }
        }
      }
      return new ChangeCursor(high, gaps);
    }
  }

  private static List<SearchChange> byNumbers(Connection c, List<Long> numbers)
      throws SQLException {
    String marks = String.join(",", java.util.Collections.nCopies(numbers.size(), "?"));
    try (PreparedStatement q =
        c.prepareStatement(
            "select seq, tenant_id, dossier_id, changed_at from search_change where seq in ("
                + marks
                + ")")) {
      for (int i = 0; i < numbers.size(); i++) {
        q.setLong(i + 1, numbers.get(i));
      }
      List<SearchChange> out = new ArrayList<>();
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          out.add(change(rs));
        }
      }
      return out;
    }
  }

  private static SearchChange change(ResultSet rs) throws SQLException {
    return new SearchChange(
        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant());
  }

  /** For an operator: the cursor's data as the index commit keeps it. */
  public static Map<String, String> commitData(ChangeCursor cursor) {
    return Map.of(CURSOR_KEY, cursor.encode());
  }

  /** The key of the cursor in the index's commit data. */
  public static final String CURSOR_KEY = "search-change-cursor";
}
