package ma.rokhsa.infrastructure.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import ma.rokhsa.domain.model.audit.AuditChain;
import ma.rokhsa.domain.model.audit.AuditEvent;
import ma.rokhsa.domain.model.audit.ChainCheck;
import ma.rokhsa.domain.model.audit.ChainFault;
import ma.rokhsa.domain.model.audit.ChainHead;
import ma.rokhsa.domain.model.audit.ChainLink;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.infrastructure.persistence.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The background verification's logic on the real schema, H2 and (when given) PostgreSQL: chains
 * written as the platform writes them, then tampered with by SQL between passes.
 */
class IncrementalChainVerificationTest {

  static final String CASA = "06.141.01.0";
  static final String RABAT = "04.421.01.0";
  static final Duration WEEK = Duration.ofDays(7);
  static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

  private final TestDatabases databases = new TestDatabases();

  @AfterEach
  void drop() {
    databases.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void passesResumeFromTheCheckpointAndFindAnEntryChangedSince(String kind) throws Exception {
    DataSource db = databases.migrated(kind);
    IncrementalChainVerification verification = new IncrementalChainVerification(db);
    record(db, CASA, 3);
    record(db, RABAT, 2);

    List<IncrementalChainVerification.Outcome> first = verification.pass(T0, WEEK);
    // The national chain's head, empty, is there from the start (V24).
    assertThat(first)
        .extracting(o -> o.result().tenant())
        .containsExactly(RABAT, CASA, TenantId.NATIONAL.value());
    assertThat(first).allMatch(o -> o.full() && o.result().intact());
    assertThat(check(verification, CASA).verifiedSequence()).isEqualTo(3);

    record(db, CASA, 2);
    List<IncrementalChainVerification.Outcome> second = verification.pass(T0.plusSeconds(60), WEEK);
    assertThat(second).allMatch(o -> !o.full() && o.result().intact());
    assertThat(check(verification, CASA).verifiedSequence()).isEqualTo(5);
    assertThat(verification.broken()).isZero();

    record(db, CASA, 2);
    update(
        db,
        "update audit_entry set detail = 'nothing happened' where tenant_id = ? and"
            + " sequence_number = 6",
        CASA);
    List<IncrementalChainVerification.Outcome> third = verification.pass(T0.plusSeconds(120), WEEK);
    IncrementalChainVerification.Outcome casa =
        third.stream().filter(o -> o.result().tenant().equals(CASA)).findFirst().orElseThrow();
    assertThat(casa.newlyBroken()).isTrue();
    assertThat(casa.result().broken().orElseThrow().sequence()).isEqualTo(6);
    assertThat(casa.result().broken().orElseThrow().fault()).isEqualTo(ChainFault.ALTERED);
    ChainCheck broken = check(verification, CASA);
    assertThat(broken.intact()).isFalse();
    assertThat(broken.verifiedSequence()).as("a broken chain keeps its checkpoint").isEqualTo(5);
    assertThat(broken.brokenSince()).contains(T0.plusSeconds(120));
    assertThat(check(verification, RABAT).intact()).isTrue();
    assertThat(verification.broken()).isEqualTo(1);

    // Found again at the next pass, no longer new, broken since the first time.
    IncrementalChainVerification.Outcome again =
        verification.pass(T0.plusSeconds(180), WEEK).stream()
            .filter(o -> o.result().tenant().equals(CASA))
            .findFirst()
            .orElseThrow();
    assertThat(again.result().intact()).isFalse();
    assertThat(again.newlyBroken()).isFalse();
    assertThat(check(verification, CASA).brokenSince()).contains(T0.plusSeconds(120));
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void theCheckpointFindsEntriesRewrittenWithTheirLinksAndHead(String kind) throws Exception {
    DataSource db = databases.migrated(kind);
    IncrementalChainVerification verification = new IncrementalChainVerification(db);
    record(db, CASA, 4);
    verification.pass(T0, WEEK);

    // Rewrite entries 2 to 4 and the head, every link recomputed: the chain alone looks intact.
    rewriteFrom(db, CASA, 2);
    assertThat(new JdbcAuditChainsProbe(db).intact(CASA)).isTrue();

    IncrementalChainVerification.Outcome found = verification.pass(T0.plusSeconds(60), WEEK).get(0);
    assertThat(found.result().broken().orElseThrow().fault()).isEqualTo(ChainFault.REWRITTEN);
    assertThat(found.result().broken().orElseThrow().sequence()).isEqualTo(4);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void anOlderEntryChangedIsFoundByTheWholeWalkDueEveryPeriod(String kind) throws Exception {
    DataSource db = databases.migrated(kind);
    IncrementalChainVerification verification = new IncrementalChainVerification(db);
    record(db, CASA, 5);
    verification.pass(T0, WEEK);
    update(
        db,
        "update audit_entry set actor = 'nobody' where tenant_id = ? and" + " sequence_number = 2",
        CASA);

    assertThat(verification.pass(T0.plusSeconds(60), WEEK).get(0).result().intact())
        .as("an incremental pass reads from the checkpoint on")
        .isTrue();
    IncrementalChainVerification.Outcome whole = verification.pass(T0.plus(WEEK), WEEK).get(0);
    assertThat(whole.full()).isTrue();
    assertThat(whole.result().broken().orElseThrow().sequence()).isEqualTo(2);
    assertThat(whole.result().broken().orElseThrow().fault()).isEqualTo(ChainFault.ALTERED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void aTailRemovedWithItsHeadIsFound(String kind) throws Exception {
    DataSource db = databases.migrated(kind);
    IncrementalChainVerification verification = new IncrementalChainVerification(db);
    record(db, CASA, 3);
    verification.pass(T0, WEEK);
    record(db, CASA, 2);
    verification.pass(T0.plusSeconds(60), WEEK);
    // Entries 4 and 5 removed and the head put back to entry 3: consistent, but seen before.
    update(db, "delete from audit_entry where tenant_id = ? and sequence_number > 3", CASA);
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "update audit_chain set last_sequence = 3, last_hash = (select entry_hash from"
                    + " audit_entry where tenant_id = ? and sequence_number = 3) where tenant_id"
                    + " = ?")) {
      s.setString(1, CASA);
      s.setString(2, CASA);
      s.executeUpdate();
    }
    IncrementalChainVerification.Outcome found =
        verification.pass(T0.plusSeconds(120), WEEK).get(0);
    assertThat(found.result().intact()).isFalse();
    assertThat(found.result().broken().orElseThrow().fault()).isEqualTo(ChainFault.REMOVED);
  }

  private static ChainCheck check(IncrementalChainVerification verification, String tenant) {
    return verification.all().stream()
        .filter(c -> c.tenant().equals(tenant))
        .findFirst()
        .orElseThrow();
  }

  /** Appends entries as the platform does: the same chain code, the head moved along. */
  static void record(DataSource db, String tenant, int count) throws SQLException {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      ChainHead head = head(c, tenant);
      boolean exists = head != null;
      AuditChain chain =
          exists
              ? AuditChain.resume(TenantId.of(tenant), head)
              : AuditChain.start(TenantId.of(tenant));
      long sequence = exists ? head.lastSequence() : 0;
      for (int i = 0; i < count; i++) {
        ChainLink link =
            chain
                .append(
                    new AuditEvent(
                        "agent", "dossier.viewed", "dossier", "CAS-" + i, "{}", "192.0.2.1"),
                    T0.plusSeconds(++sequence))
                .link();
        insert(c, link);
      }
      if (exists) {
        try (PreparedStatement s =
            c.prepareStatement(
                "update audit_chain set last_sequence = ?, last_hash = ? where tenant_id = ?")) {
          s.setLong(1, chain.head().lastSequence());
          s.setString(2, chain.head().lastHash());
          s.setString(3, tenant);
          s.executeUpdate();
        }
      } else {
        try (PreparedStatement s =
            c.prepareStatement(
                "insert into audit_chain (tenant_id, last_sequence, last_hash) values (?, ?, ?)")) {
          s.setString(1, tenant);
          s.setLong(2, chain.head().lastSequence());
          s.setString(3, chain.head().lastHash());
          s.executeUpdate();
        }
      }
      c.commit();
    }
  }

  /** Rewrites every entry from {@code from} on with a new detail, links and head recomputed. */
  static void rewriteFrom(DataSource db, String tenant, long from) throws SQLException {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      ChainHead head = head(c, tenant);
      String previous;
      try (PreparedStatement s =
          c.prepareStatement(
              "select entry_hash from audit_entry where tenant_id = ? and sequence_number = ?")) {
        s.setString(1, tenant);
        s.setLong(2, from - 1);
        try (var row = s.executeQuery()) {
          row.next();
          previous = row.getString(1);
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "delete from audit_entry where tenant_id = ? and sequence_number >= ?")) {
        s.setString(1, tenant);
        s.setLong(2, from);
        s.executeUpdate();
      }
      AuditChain chain = AuditChain.resume(TenantId.of(tenant), new ChainHead(from - 1, previous));
      for (long sequence = from; sequence <= head.lastSequence(); sequence++) {
        insert(
            c,
            chain
                .append(
                    new AuditEvent(
                        "intruder", "dossier.viewed", "dossier", "CAS-X", "{}", "192.0.2.66"),
                    T0.plusSeconds(sequence))
                .link());
      }
      try (PreparedStatement s =
          c.prepareStatement("update audit_chain set last_hash = ? where tenant_id = ?")) {
        s.setString(1, chain.head().lastHash());
        s.setString(2, tenant);
        s.executeUpdate();
      }
      c.commit();
    }
  }

  private static ChainHead head(Connection c, String tenant) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "select last_sequence, last_hash from audit_chain where tenant_id = ?")) {
      s.setString(1, tenant);
      try (var row = s.executeQuery()) {
        return row.next() ? new ChainHead(row.getLong(1), row.getString(2)) : null;
      }
    }
  }

  private static void insert(Connection c, ChainLink link) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into audit_entry (id, tenant_id, sequence_number, recorded_at, actor, action,"
                + " subject_type, subject_id, detail, source_address, previous_hash, entry_hash)"
                + " values (nextval('audit_entry_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, link.tenant());
      s.setLong(2, link.sequence());
      s.setObject(3, link.recordedAt().atOffset(ZoneOffset.UTC));
      s.setString(4, link.actor());
      s.setString(5, link.action());
      s.setString(6, link.subjectType());
      s.setString(7, link.subjectId());
      s.setString(8, link.detail());
      s.setString(9, link.sourceAddress());
      s.setString(10, link.previousHash());
      s.setString(11, link.hash());
      s.executeUpdate();
    }
  }

  private static void update(DataSource db, String sql, String tenant) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, tenant);
      s.executeUpdate();
    }
  }

  /** The whole-chain verification alone, as a tool would run it. */
  record JdbcAuditChainsProbe(DataSource db) {
    boolean intact(String tenant) throws SQLException {
      try (Connection c = db.getConnection()) {
        return new JdbcAuditChains(c)
            .verify(java.util.Optional.of(tenant), v -> {})
            .get(0)
            .intact();
      }
    }
  }
}
