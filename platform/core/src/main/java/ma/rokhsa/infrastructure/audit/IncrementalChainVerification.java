package ma.rokhsa.infrastructure.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import ma.rokhsa.domain.model.audit.AuditHash;
import ma.rokhsa.domain.model.audit.ChainBreak;
import ma.rokhsa.domain.model.audit.ChainCheck;
import ma.rokhsa.domain.model.audit.ChainChecks;
import ma.rokhsa.domain.model.audit.ChainFault;
import ma.rokhsa.domain.model.audit.ChainHead;
import ma.rokhsa.domain.model.audit.ChainLink;
import ma.rokhsa.domain.model.audit.ChainVerification;
import ma.rokhsa.domain.model.audit.ChainWalk;
import ma.rokhsa.infrastructure.persistence.RokhsaDataSourceDefinition;

/**
 * Verifies every audit chain from where it was last found sound, and keeps what it found in {@code
 * audit_verification} (ADR 0033). A pass, for each chain: the checkpoint entry (the last one found
 * sound) must still be there with the hash it had — else the entries up to it were rewritten or
 * removed; then only the entries appended since are walked, and the head checked. Every {@code
 * fullEvery} a chain is walked from its first entry again, which finds an older entry changed
 * without being re-hashed. Plain JDBC: each chain is read in one read-only, repeatable-read
 * transaction (entries streamed), its finding written in a short transaction of its own.
 *
 * <pre>{@code
 * IncrementalChainVerification verification = new IncrementalChainVerification(dataSource);
 * List<Outcome> outcomes = verification.pass(Instant.now(), Duration.ofDays(7));
 * List<ChainCheck> checks = verification.all();
 * }</pre>
 */
@ApplicationScoped
public class IncrementalChainVerification implements ChainChecks {

  private static final Logger LOG = Logger.getLogger(IncrementalChainVerification.class.getName());
  private static final int MAX_EXPLANATION = 1000;

  @Resource(lookup = RokhsaDataSourceDefinition.JNDI_NAME)
  private DataSource dataSource;

  /** For CDI. */
  protected IncrementalChainVerification() {}

  /** On a given data source (tests, tools). */
  public IncrementalChainVerification(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * What a pass found of one chain.
   *
   * @param result the chain's verification
   * @param full whether it was walked from its first entry
   * @param newlyBroken whether it was intact (or never verified) before this pass and is broken now
   */
  public record Outcome(ChainVerification result, boolean full, boolean newlyBroken) {}

  /**
   * Verifies every chain (those with a head, and those verified before) and records each finding. A
   * chain that cannot be read is logged and left for the next pass; the others go on.
   */
  public List<Outcome> pass(Instant now, Duration fullEvery) {
    List<Outcome> outcomes = new ArrayList<>();
    for (String tenant : tenants()) {
      try {
        Optional<ChainCheck> before = find(tenant);
        boolean full = before.isEmpty() || !before.get().fullWalkAt().plus(fullEvery).isAfter(now);
        ChainVerification result = verify(tenant, before, full);
        store(tenant, before, result, full, now);
        boolean wasIntact = before.map(ChainCheck::intact).orElse(true);
        outcomes.add(new Outcome(result, full, wasIntact && !result.intact()));
      } catch (SQLException | RuntimeException e) {
        LOG.log(Level.WARNING, "audit chain " + tenant + " could not be verified this pass", e);
      }
    }
    return outcomes;
  }

  @Override
  public List<ChainCheck> all() {
    try (Connection db = dataSource.getConnection();
        PreparedStatement query =
            db.prepareStatement(
                "select tenant_id, verified_sequence, verified_hash, checked_at, full_walk_at,"
                    + " intact, broken_sequence, fault, explanation, broken_since"
                    + " from audit_verification order by tenant_id")) {
      List<ChainCheck> checks = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          checks.add(check(rows));
        }
      }
      return checks;
    } catch (SQLException e) {
      throw new IllegalStateException("audit verification: " + e.getMessage(), e);
    }
  }

  @Override
  public long broken() {
    try (Connection db = dataSource.getConnection();
        PreparedStatement query =
            db.prepareStatement("select count(*) from audit_verification where intact = false");
        ResultSet row = query.executeQuery()) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("audit verification: " + e.getMessage(), e);
    }
  }

  private List<String> tenants() {
    try (Connection db = dataSource.getConnection();
        PreparedStatement query =
            db.prepareStatement(
                "select tenant_id from audit_chain union select tenant_id from audit_verification"
                    + " order by 1");
        ResultSet rows = query.executeQuery()) {
      List<String> tenants = new ArrayList<>();
      while (rows.next()) {
        tenants.add(rows.getString(1));
      }
      return tenants;
    } catch (SQLException e) {
      throw new IllegalStateException("audit verification: " + e.getMessage(), e);
    }
  }

  private Optional<ChainCheck> find(String tenant) throws SQLException {
    try (Connection db = dataSource.getConnection();
        PreparedStatement query =
            db.prepareStatement(
                "select tenant_id, verified_sequence, verified_hash, checked_at, full_walk_at,"
                    + " intact, broken_sequence, fault, explanation, broken_since"
                    + " from audit_verification where tenant_id = ?")) {
      query.setString(1, tenant);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? Optional.of(check(row)) : Optional.empty();
      }
    }
  }

  private ChainVerification verify(String tenant, Optional<ChainCheck> before, boolean full)
      throws SQLException {
    try (Connection db = dataSource.getConnection()) {
      // A pooled connection: what is set here is put back before it returns to the pool (on
      // PostgreSQL a read-only session would refuse every later writer that gets it).
      boolean autoCommit = db.getAutoCommit();
      int isolation = db.getTransactionIsolation();
      db.setAutoCommit(false);
      db.setReadOnly(true);
      db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        Optional<ChainBreak> checkpoint = checkpointBreak(db, tenant, before);
        if (checkpoint.isPresent()) {
          ChainCheck c = before.orElseThrow();
          return new ChainVerification(
              tenant, c.verifiedSequence() - 1, c.verifiedHash(), checkpoint);
        }
        ChainVerification result;
        if (full) {
          result =
              new JdbcAuditChains(db)
                  .walkOne(tenant)
                  .orElse(new ChainVerification(tenant, 0, AuditHash.GENESIS, Optional.empty()));
        } else {
          ChainCheck c = before.orElseThrow();
          result = resume(db, tenant, c.verifiedSequence(), c.verifiedHash());
        }
        long seen = before.map(ChainCheck::verifiedSequence).orElse(0L);
        if (result.intact() && result.entries() < seen) {
          // The entries past some point and the head were removed together, consistently.
          return new ChainVerification(
              tenant,
              result.entries(),
              result.lastHash(),
              Optional.of(
                  new ChainBreak(
                      result.entries() + 1,
                      ChainFault.TRUNCATED,
                      "the chain ends at entry "
                          + result.entries()
                          + " but entry "
                          + seen
                          + " was found sound before: the entries after "
                          + result.entries()
                          + " and the head were removed")));
        }
        return result;
      } finally {
        db.rollback();
        db.setReadOnly(false);
        db.setTransactionIsolation(isolation);
        db.setAutoCommit(autoCommit);
      }
    }
  }

  /**
   * The entry last found sound must still be there, hash to what it did, and hold that hash: else
   * entries up to it were rewritten (links recomputed) or removed.
   */
  private static Optional<ChainBreak> checkpointBreak(
      Connection db, String tenant, Optional<ChainCheck> before) throws SQLException {
    if (before.isEmpty() || before.get().verifiedSequence() == 0) {
      return Optional.empty();
    }
    ChainCheck c = before.get();
    try (PreparedStatement query =
        db.prepareStatement(
            "select tenant_id, sequence_number, recorded_at, actor, action, subject_type,"
                + " subject_id, detail, source_address, previous_hash, entry_hash from audit_entry"
                + " where tenant_id = ? and sequence_number = ?")) {
      query.setString(1, tenant);
      query.setLong(2, c.verifiedSequence());
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.of(
              new ChainBreak(
                  c.verifiedSequence(),
                  ChainFault.REMOVED,
                  "entry "
                      + c.verifiedSequence()
                      + ", found sound on "
                      + c.checkedAt()
                      + ", is gone"));
        }
        ChainLink link = JdbcAuditChains.link(row);
        if (!c.verifiedHash().equals(link.hash())) {
          return Optional.of(
              new ChainBreak(
                  c.verifiedSequence(),
                  ChainFault.REWRITTEN,
                  "entry "
                      + c.verifiedSequence()
                      + " held "
                      + c.verifiedHash()
                      + " when found sound on "
                      + c.checkedAt()
                      + " and now holds "
                      + link.hash()
                      + ": entries up to it were rewritten"));
        }
        String computed = AuditHash.of(link);
        if (!computed.equals(link.hash())) {
          return Optional.of(
              new ChainBreak(
                  c.verifiedSequence(),
                  ChainFault.ALTERED,
                  "entry "
                      + c.verifiedSequence()
                      + " was changed: its content hashes to "
                      + computed
                      + ", not to the stored "
                      + link.hash()));
        }
        return Optional.empty();
      }
    }
  }

  /** Walks the entries after the checkpoint, then checks the head. */
  private static ChainVerification resume(Connection db, String tenant, long sequence, String hash)
      throws SQLException {
    ChainWalk walk = ChainWalk.after(tenant, sequence, hash);
    try (PreparedStatement query =
        db.prepareStatement(
            "select tenant_id, sequence_number, recorded_at, actor, action, subject_type,"
                + " subject_id, detail, source_address, previous_hash, entry_hash from audit_entry"
                + " where tenant_id = ? and sequence_number > ? order by sequence_number")) {
      query.setFetchSize(1000);
      query.setString(1, tenant);
      query.setLong(2, sequence);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next() && walk.accept(JdbcAuditChains.link(rows))) {
          // each entry checked in turn; the walk stops at the first break
        }
      }
    }
    Optional<ChainHead> head = Optional.empty();
    try (PreparedStatement query =
        db.prepareStatement(
            "select last_sequence, last_hash from audit_chain where tenant_id = ?")) {
      query.setString(1, tenant);
      try (ResultSet row = query.executeQuery()) {
        if (row.next()) {
          head = Optional.of(new ChainHead(row.getLong(1), row.getString(2)));
        }
      }
    }
    return walk.finish(head);
  }

  private void store(
      String tenant,
      Optional<ChainCheck> before,
      ChainVerification result,
      boolean full,
      Instant now)
      throws SQLException {
    long sequence = result.entries();
    String hash = result.lastHash();
    if (!result.intact() && before.isPresent()) {
      // A broken chain keeps its checkpoint: the next pass finds the break again from there.
      sequence = before.get().verifiedSequence();
      hash = before.get().verifiedHash();
    }
    Instant fullWalk = full ? now : before.map(ChainCheck::fullWalkAt).orElse(now);
    Optional<ChainBreak> broken = result.broken();
    Instant since =
        broken.isEmpty()
            ? null
            : before
                .flatMap(ChainCheck::brokenSince)
                .filter(s -> !before.get().intact())
                .orElse(now);
    try (Connection db = dataSource.getConnection()) {
      db.setAutoCommit(true);
      int updated;
      try (PreparedStatement update =
          db.prepareStatement(
              "update audit_verification set verified_sequence = ?, verified_hash = ?,"
                  + " checked_at = ?, full_walk_at = ?, intact = ?, broken_sequence = ?,"
                  + " fault = ?, explanation = ?, broken_since = ? where tenant_id = ?")) {
        bind(update, sequence, hash, now, fullWalk, broken, since);
        update.setString(10, tenant);
        updated = update.executeUpdate();
      }
      if (updated == 0) {
        try (PreparedStatement insert =
            db.prepareStatement(
                "insert into audit_verification (verified_sequence, verified_hash, checked_at,"
                    + " full_walk_at, intact, broken_sequence, fault, explanation, broken_since,"
                    + " tenant_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          bind(insert, sequence, hash, now, fullWalk, broken, since);
          insert.setString(10, tenant);
          insert.executeUpdate();
        }
      }
    }
  }

  private static void bind(
      PreparedStatement statement,
      long sequence,
      String hash,
      Instant now,
      Instant fullWalk,
      Optional<ChainBreak> broken,
      Instant since)
      throws SQLException {
    statement.setLong(1, sequence);
    statement.setString(2, hash);
    statement.setObject(3, utc(now));
    statement.setObject(4, utc(fullWalk));
    statement.setBoolean(5, broken.isEmpty());
    statement.setObject(6, broken.map(ChainBreak::sequence).orElse(null));
    statement.setString(7, broken.map(b -> b.fault().name()).orElse(null));
    statement.setString(
        8,
        broken
            .map(ChainBreak::explanation)
            .map(e -> e.length() <= MAX_EXPLANATION ? e : e.substring(0, MAX_EXPLANATION - 1) + "…")
            .orElse(null));
    statement.setObject(9, since == null ? null : utc(since));
  }

  private static ChainCheck check(ResultSet row) throws SQLException {
    boolean intact = row.getBoolean(6);
    Optional<ChainBreak> broken =
        intact
            ? Optional.empty()
            : Optional.of(
                new ChainBreak(
                    row.getLong(7), ChainFault.valueOf(row.getString(8)), row.getString(9)));
    OffsetDateTime since = row.getObject(10, OffsetDateTime.class);
    return new ChainCheck(
        row.getString(1),
        row.getLong(2),
        row.getString(3),
        row.getObject(4, OffsetDateTime.class).toInstant(),
        row.getObject(5, OffsetDateTime.class).toInstant(),
        broken,
        Optional.ofNullable(since).map(OffsetDateTime::toInstant));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
