package ma.rokhsa.infrastructure.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import ma.rokhsa.domain.model.audit.ChainHead;
import ma.rokhsa.domain.model.audit.ChainLink;
import ma.rokhsa.domain.model.audit.ChainVerification;
import ma.rokhsa.domain.model.audit.ChainWalk;

/**
 * Verifies audit chains straight from the tables, over a JDBC connection the caller opens and
 * closes. Reads in one read-only, repeatable-read transaction, so that heads and entries are seen
 * as of one moment even while the platform appends; entries are streamed, never held all at once.
 *
 * <pre>{@code
 * try (Connection db = DriverManager.getConnection(url, user, password)) {
 *   List<ChainVerification> chains = new JdbcAuditChains(db).verify(Optional.empty(), out::println);
 * }
 * }</pre>
 */
public final class JdbcAuditChains {

  private final Connection db;

  public JdbcAuditChains(Connection db) {
    this.db = db;
  }

  /**
   * Verifies every tenant's chain (or one tenant's), in tenant order, handing each result to {@code
   * each} as soon as it is known; returns them all.
   */
  public List<ChainVerification> verify(Optional<String> tenant, Consumer<ChainVerification> each)
      throws SQLException {
    boolean autoCommit = db.getAutoCommit();
    db.setAutoCommit(false);
    db.setReadOnly(true);
    db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    try {
      return walk(tenant, each);
    } finally {
      db.rollback();
      db.setAutoCommit(autoCommit);
    }
  }

  /**
   * What differs from a checkpoint: for each chain it marked, the entry at the marked sequence must
   * still be there with the marked hash (the chains' own links are checked by {@link #verify}). One
   * line per difference; none when the database still holds what was checkpointed.
   */
  public List<String> compare(AuditCheckpoint checkpoint) throws SQLException {
    boolean autoCommit = db.getAutoCommit();
    db.setAutoCommit(false);
    db.setReadOnly(true);
    db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    List<String> differences = new ArrayList<>();
    try (PreparedStatement query =
        db.prepareStatement(
            "select entry_hash from audit_entry where tenant_id = ? and sequence_number = ?")) {
      for (AuditCheckpoint.Mark mark : checkpoint.marks()) {
        query.setString(1, mark.tenant());
        query.setLong(2, mark.sequence());
        try (ResultSet row = query.executeQuery()) {
          if (!row.next()) {
            differences.add(
                "tenant "
                    + mark.tenant()
                    + " sequence "
                    + mark.sequence()
                    + " MISSING: the checkpoint saw it, the database no longer holds it");
          } else if (!mark.hash().equals(row.getString(1))) {
            differences.add(
                "tenant "
                    + mark.tenant()
                    + " sequence "
                    + mark.sequence()
                    + " REWRITTEN: its hash is not the checkpoint's (entries up to it were"
                    + " changed since)");
          }
        }
      }
    } finally {
      db.rollback();
      db.setAutoCommit(autoCommit);
    }
    return differences;
  }

  /**
   * One tenant's chain, walked from its first entry within the caller's transaction (the caller
   * sets its isolation); empty when the tenant has neither head nor entry.
   */
  Optional<ChainVerification> walkOne(String tenant) throws SQLException {
    return walk(Optional.of(tenant), found -> {}).stream().findFirst();
  }

  private List<ChainVerification> walk(Optional<String> only, Consumer<ChainVerification> each)
      throws SQLException {
    NavigableMap<String, ChainHead> heads = heads(only);
    List<ChainVerification> results = new ArrayList<>();
    String sql =
        "select tenant_id, sequence_number, recorded_at, actor, action, subject_type, subject_id,"
            + " detail, source_address, previous_hash, entry_hash from audit_entry"
            + (only.isPresent() ? " where tenant_id = ?" : "")
            + " order by tenant_id, sequence_number";
    try (PreparedStatement query = db.prepareStatement(sql)) {
      query.setFetchSize(1000);
      if (only.isPresent()) {
        query.setString(1, only.get());
      }
      try (ResultSet rows = query.executeQuery()) {
        ChainWalk walk = null;
        String current = null;
        while (rows.next()) {
          String tenant = rows.getString(1);
          if (!tenant.equals(current)) {
            if (walk != null) {
              finish(walk, current, heads, results, each);
            }
            // Chains with a head but no entries left come before this one in tenant order.
            finishEmptyBefore(tenant, heads, results, each);
            current = tenant;
            walk = new ChainWalk(tenant);
          }
          walk.accept(link(rows));
        }
        if (walk != null) {
          finish(walk, current, heads, results, each);
        }
        finishEmptyBefore(null, heads, results, each);
      }
    }
    return results;
  }

  private static void finish(
      ChainWalk walk,
      String tenant,
      NavigableMap<String, ChainHead> heads,
      List<ChainVerification> results,
      Consumer<ChainVerification> each) {
    ChainVerification result = walk.finish(Optional.ofNullable(heads.remove(tenant)));
    results.add(result);
    each.accept(result);
  }

  /** Heads of tenants without any entry, sorted before {@code tenant} (all when null). */
  private static void finishEmptyBefore(
      String tenant,
      NavigableMap<String, ChainHead> heads,
      List<ChainVerification> results,
      Consumer<ChainVerification> each) {
    List<String> before =
        List.copyOf(tenant == null ? heads.keySet() : heads.headMap(tenant, false).keySet());
    for (String empty : before) {
      finish(new ChainWalk(empty), empty, heads, results, each);
    }
  }

  private NavigableMap<String, ChainHead> heads(Optional<String> only) throws SQLException {
    NavigableMap<String, ChainHead> heads = new TreeMap<>();
    String sql =
        "select tenant_id, last_sequence, last_hash from audit_chain"
            + (only.isPresent() ? " where tenant_id = ?" : "");
    try (PreparedStatement query = db.prepareStatement(sql)) {
      if (only.isPresent()) {
        query.setString(1, only.get());
      }
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          heads.put(rows.getString(1), new ChainHead(rows.getLong(2), rows.getString(3)));
        }
      }
    }
    return heads;
  }

  static ChainLink link(ResultSet row) throws SQLException {
    return new ChainLink(
        row.getString(1),
        row.getLong(2),
        row.getObject(3, OffsetDateTime.class).toInstant(),
        row.getString(4),
        row.getString(5),
        row.getString(6),
        row.getString(7),
        row.getString(8),
        row.getString(9),
        row.getString(10),
        row.getString(11));
  }
}
