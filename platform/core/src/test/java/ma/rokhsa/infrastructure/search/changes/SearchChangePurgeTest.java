package ma.rokhsa.infrastructure.search.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import ma.rokhsa.domain.model.dossier.Phase;
import ma.rokhsa.infrastructure.search.SearchableDossier;
import ma.rokhsa.infrastructure.search.lucene.LuceneDossierIndex;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Purging the change log with two nodes, on H2 (every migration) and Lucene indexes on disk: a row
 * goes only once every reporting node has committed past it and it is older than the retention; a
 * node that crashed before its checkpoint still replays everything; a node away longer than the
 * node expiry no longer holds rows back, learns it is behind when it reports, and catches up by a
 * rebuild whose cursor starts at the purge horizon.
 */
class SearchChangePurgeTest {

  static final String ANFA = "06.141.01.01";
  static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");
  static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
  static final Duration RETENTION = Duration.ofHours(1);
  static final Duration NODE_EXPIRY = Duration.ofDays(1);

  @TempDir Path dir;
  private DataSource db;
  private SearchChangeLog log;
  private SearchChangePurge purge;
  private int dossiers;

  @BeforeEach
  void database() throws SQLException {
    db = SearchChangeLogTest.database("h2");
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute("create table test_dossier (id varchar(64) primary key, name varchar(200))");
    }
    log = new SearchChangeLog(db, SearchChangeLogTest.GAP_TIMEOUT);
    purge = new SearchChangePurge(db, RETENTION, NODE_EXPIRY);
  }

  @Test
  void rowsGoOnlyWhenEveryLiveNodeCommittedPastThemAndAnAbsentNodeCatchesUpByRebuilding()
      throws Exception {
    deposit(50, T0);
    try (LuceneDossierIndex a = open("a")) {
      SearchChangeApplier nodeA = new SearchChangeApplier(log, a, this::find, CLOCK, 1000);
      try (LuceneDossierIndex b = open("b")) {
        SearchChangeApplier nodeB = new SearchChangeApplier(log, b, this::find, CLOCK, 1000);
        Instant now = T0.plus(Duration.ofHours(2));
        assertThat(applyAndReport("a", nodeA, now)).isTrue();
        assertThat(purge.report("b", nodeB.cursor().lowWater(), now)).isTrue();

        // B has applied nothing: nothing goes.
        assertThat(purge.purge(now)).isZero();
        assertThat(rows()).isEqualTo(50);

        // Both past every row, all older than the retention: all go.
        assertThat(applyAndReport("b", nodeB, now)).isTrue();
        assertThat(purge.purge(now)).isEqualTo(50);
        assertThat(rows()).isZero();
        assertThat(purge.horizon()).isEqualTo(50);

        // Applied by both but younger than the retention: kept until it is older.
        deposit(10, now);
        applyAndReport("a", nodeA, now);
        applyAndReport("b", nodeB, now);
        assertThat(purge.purge(now.plusSeconds(60))).isZero();
        now = now.plus(Duration.ofHours(2));
        assertThat(purge.purge(now)).isEqualTo(10);

        // A applies 20 changes and crashes before its checkpoint; B goes on. The purge keeps
        // the 20 rows for A, which replays them all after its restart.
        deposit(20, now.minus(Duration.ofHours(2)));
        assertThat(nodeA.applyPending()).isEqualTo(20);
        applyAndReport("b", nodeB, now);
        assertThat(purge.purge(now)).as("A's committed cursor holds them").isZero();
        assertThat(rows()).isEqualTo(20);
        nodeB.checkpoint();
      }
    }
    Instant now = T0.plus(Duration.ofHours(4));
    try (LuceneDossierIndex a = open("a")) {
      assertThat(a.count()).as("A's last commit").isEqualTo(60);
      SearchChangeApplier nodeA = new SearchChangeApplier(log, a, this::find, CLOCK, 1000);
      assertThat(applyAndReport("a", nodeA, now)).isTrue();
      assertThat(a.count()).isEqualTo(80);
      assertThat(purge.purge(now)).isEqualTo(20);

      // B is away for a week: it no longer holds rows back, and A's go.
      now = now.plus(Duration.ofDays(7));
      deposit(30, now.minus(Duration.ofHours(2)));
      applyAndReport("a", nodeA, now);
      assertThat(purge.purge(now)).isEqualTo(30);
      assertThat(rows()).isZero();
      assertThat(a.count()).isEqualTo(110);
    }

    // B comes back: its committed cursor is below the horizon, so it rebuilds.
    try (LuceneDossierIndex b = open("b")) {
      ChangeCursor committed =
          ChangeCursor.decode(b.committedData().get(SearchChangeLog.CURSOR_KEY));
      assertThat(purge.report("b", committed.lowWater(), now)).as("behind").isFalse();
      assertThat(purge.hold("b", now)).isEqualTo(110);
      ChangeCursor tail = log.tail(10_000, now);
      assertThat(tail.highWater()).as("the log is empty: its end is the horizon").isEqualTo(110);
      assertThat(tail.gaps()).isEmpty();
      for (int i = 1; i <= dossiers; i++) {
        b.index(find("d" + i).orElseThrow());
      }
      b.commit(SearchChangeLog.commitData(tail));
      SearchChangeApplier nodeB = new SearchChangeApplier(log, b, this::find, CLOCK, 1000);
      deposit(5, now);
      assertThat(applyAndReport("b", nodeB, now)).isTrue();
      assertThat(b.count()).isEqualTo(115);
    }
    assertThat(dossiers).isEqualTo(115);
  }

  // --- helpers -------------------------------------------------------------------------------

  private boolean applyAndReport(String node, SearchChangeApplier applier, Instant now)
      throws SQLException {
    applier.applyPending();
    applier.checkpoint();
    return purge.report(node, applier.cursor().lowWater(), now);
  }

  private LuceneDossierIndex open(String node) throws IOException {
    return new LuceneDossierIndex(
        FSDirectory.open(dir.resolve(node)), ZoneId.of("Africa/Casablanca"));
  }

  /** New dossiers, each with its change row, in one transaction each. */
  private void deposit(int count, Instant at) throws SQLException {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      for (int i = 0; i < count; i++) {
        String id = "d" + (++dossiers);
        try (PreparedStatement p =
            c.prepareStatement("insert into test_dossier (id, name) values (?, ?)")) {
          p.setString(1, id);
          p.setString(2, "Mohamed Benjelloun " + id);
          p.executeUpdate();
        }
        SearchChangeLog.record(c, ANFA, id, at);
        c.commit();
      }
    }
  }

  private long rows() throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from search_change")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private Optional<SearchableDossier> find(String id) {
    try (Connection c = db.getConnection();
        PreparedStatement p = c.prepareStatement("select name from test_dossier where id = ?")) {
      p.setString(1, id);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new SearchableDossier(
                id,
                ANFA + "-2026-" + id,
                ANFA,
                ANFA.substring(0, 6),
                ANFA.substring(0, 2),
                List.of("Anfa", "أنفا"),
                "permis-construire",
                "instruction",
                Phase.OPEN,
                T0,
                LocalDate.of(2026, 12, 31),
                List.of(rs.getString(1)),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                "",
                "",
                List.of(),
                Set.of()));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
