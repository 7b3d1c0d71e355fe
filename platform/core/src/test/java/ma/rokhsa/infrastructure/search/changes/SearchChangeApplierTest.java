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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import ma.rokhsa.domain.model.dossier.Phase;
import ma.rokhsa.infrastructure.search.SearchHit;
import ma.rokhsa.infrastructure.search.SearchRequest;
import ma.rokhsa.infrastructure.search.SearchScope;
import ma.rokhsa.infrastructure.search.SearchableDossier;
import ma.rokhsa.infrastructure.search.SearchableDossiers;
import ma.rokhsa.infrastructure.search.lucene.LuceneDossierIndex;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node's applier end to end, on H2 (every migration) and a Lucene index on disk: dossier rows and
 * their change written in one transaction, committed out of order, a restart without a checkpoint.
 * The dossier table is the test's own (the dossier aggregate is being reworked), read by JDBC as
 * the real reader will be.
 */
class SearchChangeApplierTest {

  static final String ANFA = "06.141.01.01";
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  private DataSource db;
  private SearchChangeLog log;

  @BeforeEach
  void database() throws SQLException {
    db = SearchChangeLogTest.database("h2");
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "create table test_dossier (id varchar(64) primary key, tenant varchar(64), name"
              + " varchar(200))");
    }
    log = new SearchChangeLog(db, SearchChangeLogTest.GAP_TIMEOUT);
  }

  @Test
  void changesCommittedOutOfOrderAreAllSearchableAndARestartReplaysWhatWasNotCheckpointed()
      throws Exception {
    try (LuceneDossierIndex index = open()) {
      SearchChangeApplier node = new SearchChangeApplier(log, index, this::find, CLOCK, 100);
      try (Connection first = tx();
          Connection second = tx()) {
        save(first, "d1", "Mohamed Benjelloun"); // lower seq, commits last
        save(second, "d2", "Ahmed El Idrissi");
        second.commit();
        assertThat(node.applyPending()).isEqualTo(1);
        assertThat(found(index, "Idrissi")).containsExactly("d2");
        assertThat(found(index, "بنجلون")).isEmpty();
        first.commit();
      }
      assertThat(node.applyPending()).isEqualTo(1);
      assertThat(found(index, "بنجلون")).containsExactly("d1");
      node.checkpoint();

      try (Connection c = tx()) {
        save(c, "d3", "Fatima Zahra Chraibi");
        c.createStatement().execute("delete from test_dossier where id = 'd2'");
        SearchChangeLog.record(c, ANFA, "d2", CLOCK.instant());
        c.commit();
      }
      assertThat(node.applyPending()).isEqualTo(2);
      assertThat(found(index, "Chraibi")).containsExactly("d3");
      assertThat(found(index, "Idrissi")).isEmpty();
      // The node stops here without a checkpoint, as in a crash.
    }
    try (LuceneDossierIndex index = open()) {
      assertThat(found(index, "Chraibi")).as("not committed").isEmpty();
      assertThat(found(index, "Idrissi")).as("deletion not committed").containsExactly("d2");
      SearchChangeApplier node = new SearchChangeApplier(log, index, this::find, CLOCK, 100);
      assertThat(node.applyPending()).isEqualTo(2);
      assertThat(found(index, "Chraibi")).containsExactly("d3");
      assertThat(found(index, "Idrissi")).isEmpty();
      assertThat(found(index, "Mohamed")).containsExactly("d1");
      assertThat(index.count()).isEqualTo(2);
    }
  }

  // --- helpers -------------------------------------------------------------------------------

  private LuceneDossierIndex open() throws IOException {
    return new LuceneDossierIndex(FSDirectory.open(dir), ZoneId.of("Africa/Casablanca"));
  }

  private Connection tx() throws SQLException {
    Connection c = db.getConnection();
    c.setAutoCommit(false);
    return c;
  }

  /** A dossier change as a service will make it: the row and its change, one transaction. */
  private static void save(Connection c, String id, String name) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("insert into test_dossier (id, tenant, name) values (?, ?, ?)")) {
      p.setString(1, id);
      p.setString(2, ANFA);
      p.setString(3, name);
      p.executeUpdate();
    }
    SearchChangeLog.record(c, ANFA, id, CLOCK.instant());
  }

  /** The {@link SearchableDossiers} of this test: the row as it is now, by JDBC. */
  private Optional<SearchableDossier> find(String id) {
    try (Connection c = db.getConnection();
        PreparedStatement p =
            c.prepareStatement("select tenant, name from test_dossier where id = ?")) {
      p.setString(1, id);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        String tenant = rs.getString(1);
        return Optional.of(
            new SearchableDossier(
                id,
                tenant + "-2026-00000" + id.substring(1),
                tenant,
                tenant.substring(0, 6),
                tenant.substring(0, 2),
                List.of("Anfa", "أنفا"),
                "permis-construire",
                "instruction",
                Phase.OPEN,
                CLOCK.instant(),
                LocalDate.of(2026, 12, 31),
                List.of(rs.getString(2)),
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

  private static List<String> found(LuceneDossierIndex index, String q) {
    return index
        .search(
            SearchRequest.of(new SearchScope.Tenants(Set.of(ANFA)), q, LocalDate.of(2026, 12, 7)))
        .hits()
        .stream()
        .map(SearchHit::id)
        .toList();
  }
}
