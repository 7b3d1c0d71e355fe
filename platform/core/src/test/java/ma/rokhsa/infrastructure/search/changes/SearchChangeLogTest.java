package ma.rokhsa.infrastructure.search.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The change log against the race of ADR 0020 — a higher sequence number committing before a lower
 * one — on the real schema (every migration), on H2 in PostgreSQL mode and on PostgreSQL.
 *
 * <p>PostgreSQL runs when {@code -Drokhsa.test.postgres-url=jdbc:postgresql://…} is given (user
 * {@code postgres}, trust auth), or when {@code ROKHSA_DB_URL} is a PostgreSQL URL (CI); otherwise
 * those cases are skipped. They run in a fresh database made on that server and dropped after.
 */
class SearchChangeLogTest {

  static final Duration GAP_TIMEOUT = Duration.ofMinutes(5);
  static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");

  static Stream<Arguments> databases() {
    return Stream.of(Arguments.of("h2"), Arguments.of("postgresql"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aLowerNumberCommittingAfterAHigherOneIsStillRead(String kind) throws SQLException {
    DataSource db = database(kind);
    SearchChangeLog log = new SearchChangeLog(db, GAP_TIMEOUT);
    ChangeCursor start = end(db, log);
    String a = "dA-" + UUID.randomUUID();
    String b = "dB-" + UUID.randomUUID();
    try (Connection first = db.getConnection();
        Connection second = db.getConnection()) {
      first.setAutoCommit(false);
      second.setAutoCommit(false);
      SearchChangeLog.record(first, "06.141.01.01", a, NOW); // takes n, commits last
      SearchChangeLog.record(second, "06.141.01.01", b, NOW); // takes n + 1, commits first
      second.commit();

      SearchChangeLog.Batch one = log.read(start, 100, NOW);
      assertThat(ids(one)).containsExactly(b);
      long n = one.next().highWater() - 1;
      assertThat(one.next().gaps()).containsOnlyKeys(n);
      assertThat(one.next().lowWater()).isEqualTo(n - 1);

      first.commit();
      // The plain "seq > cursor" reader has moved past n: it never sees the late commit.
      assertThat(naive(db, one.next().highWater())).isEmpty();
      SearchChangeLog.Batch two = log.read(one.next(), 100, NOW.plusSeconds(1));
      assertThat(ids(two)).containsExactly(a);
      assertThat(two.next().gaps()).isEmpty();
      assertThat(two.next().lowWater()).isEqualTo(two.next().highWater());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aRolledBackNumberIsWaitedForThenGivenUp(String kind) throws SQLException {
    DataSource db = database(kind);
    SearchChangeLog log = new SearchChangeLog(db, GAP_TIMEOUT);
    ChangeCursor start = end(db, log);
    String kept = "kept-" + UUID.randomUUID();
    try (Connection lost = db.getConnection();
        Connection committed = db.getConnection()) {
      lost.setAutoCommit(false);
      committed.setAutoCommit(false);
      SearchChangeLog.record(lost, "06.141.01.01", "lost", NOW);
      SearchChangeLog.record(committed, "06.141.01.01", kept, NOW);
      committed.commit();
      lost.rollback();
    }
    SearchChangeLog.Batch one = log.read(start, 100, NOW);
    assertThat(ids(one)).containsExactly(kept);
    assertThat(one.next().gaps()).hasSize(1);
    SearchChangeLog.Batch waiting = log.read(one.next(), 100, NOW.plus(GAP_TIMEOUT));
    assertThat(waiting.changes()).isEmpty();
    assertThat(waiting.next().gaps()).hasSize(1);
    SearchChangeLog.Batch givenUp =
        log.read(waiting.next(), 100, NOW.plus(GAP_TIMEOUT).plusSeconds(1));
    assertThat(givenUp.next().gaps()).isEmpty();
    assertThat(givenUp.next().lowWater()).isEqualTo(givenUp.next().highWater());
  }

  /**
   * Many writers whose transactions commit in random order (and some roll back) while a node reads
   * in small batches: every committed change is read, none twice after it was read.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void underConcurrentWritersEveryCommittedChangeIsRead(String kind) throws Exception {
    DataSource db = database(kind);
    SearchChangeLog log = new SearchChangeLog(db, GAP_TIMEOUT);
    ChangeCursor cursor = end(db, log);
    String run = UUID.randomUUID().toString().substring(0, 8);
    Set<String> committed = ConcurrentHashMap.newKeySet();
    ExecutorService writers = Executors.newFixedThreadPool(6);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < 6; w++) {
      int writer = w;
      done.add(
          writers.submit(
              () -> {
                for (int i = 0; i < 30; i++) {
                  String id = run + "-" + writer + "-" + i;
                  try (Connection c = db.getConnection()) {
                    c.setAutoCommit(false);
                    SearchChangeLog.record(c, "06.141.01.01", id, NOW);
                    Thread.sleep(ThreadLocalRandom.current().nextInt(0, 15));
                    if (ThreadLocalRandom.current().nextInt(10) == 0) {
                      c.rollback();
                    } else {
                      c.commit();
                      committed.add(id);
                    }
                  }
                }
                return null;
              }));
    }
    List<String> read = new ArrayList<>();
    long startHigh = cursor.highWater();
    boolean writing = true;
    while (writing) {
      writing = done.stream().anyMatch(f -> !f.isDone());
      SearchChangeLog.Batch batch = log.read(cursor, 7, NOW);
      batch.changes().stream().map(SearchChange::dossierId).forEach(read::add);
      cursor = batch.next();
    }
    for (Future<?> f : done) {
      f.get();
    }
    writers.shutdown();
    SearchChangeLog.Batch rest;
    do {
      rest = log.read(cursor, 7, NOW);
      rest.changes().stream().map(SearchChange::dossierId).forEach(read::add);
      cursor = rest.next();
    } while (!rest.changes().isEmpty());
    Set<String> ours = read.stream().filter(id -> id.startsWith(run)).collect(Collectors.toSet());
    assertThat(ours).isEqualTo(committed);
    assertThat(read.stream().filter(id -> id.startsWith(run)).count())
        .as("each change read once")
        .isEqualTo(committed.size());
    // Only this run's rollbacks remain as gaps (until they time out); one after the last commit
    // is above the high-water mark, not a gap.
    assertThat(cursor.gaps().keySet().stream().filter(g -> g > startHigh).count())
        .isLessThanOrEqualTo(6 * 30 - committed.size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aRebuildStartsAtTheEndWithTheChangesInFlightAsGaps(String kind) throws SQLException {
    DataSource db = database(kind);
    SearchChangeLog log = new SearchChangeLog(db, GAP_TIMEOUT);
    long before = end(db, log).highWater();
    String late = "late-" + UUID.randomUUID();
    try (Connection inFlight = db.getConnection();
        Connection other = db.getConnection()) {
      inFlight.setAutoCommit(false);
      SearchChangeLog.record(other, "06.141.01.01", "before-" + UUID.randomUUID(), NOW);
      SearchChangeLog.record(inFlight, "06.141.01.01", late, NOW);
      SearchChangeLog.record(other, "06.141.01.01", "after-" + UUID.randomUUID(), NOW);
      ChangeCursor rebuilt = log.tail(10, NOW);
      assertThat(rebuilt.highWater()).isEqualTo(before + 3);
      assertThat(rebuilt.gaps()).containsKey(before + 2);
      inFlight.commit();
      assertThat(ids(log.read(rebuilt, 100, NOW))).containsExactly(late);
    }
  }

  // --- helpers -------------------------------------------------------------------------------

  /**
   * A cursor at a fresh marker change, with no gap: what each test starts from on a reused database
   * (numbers rolled back by earlier tests are below it).
   */
  private static ChangeCursor end(DataSource db, SearchChangeLog log) throws SQLException {
    try (Connection c = db.getConnection()) {
      SearchChangeLog.record(c, "06.141.01.01", "marker", NOW);
    }
    return new ChangeCursor(log.tail(0, NOW).highWater(), new java.util.TreeMap<>());
  }

  private static List<String> ids(SearchChangeLog.Batch batch) {
    return batch.changes().stream().map(SearchChange::dossierId).toList();
  }

  private static List<Long> naive(DataSource db, long after) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement q = c.prepareStatement("select seq from search_change where seq > ?")) {
      q.setLong(1, after);
      List<Long> out = new ArrayList<>();
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
      return out;
    }
  }

  static DataSource database(String kind) {
    if (kind.equals("h2")) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL(
          "jdbc:h2:mem:search-"
              + UUID.randomUUID()
              + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
      h2.setUser("rokhsa");
      h2.setPassword("rokhsa");
      migrate(h2);
      return h2;
    }
    String url = System.getProperty("rokhsa.test.postgres-url");
    String env = System.getenv("ROKHSA_DB_URL");
    if (url == null && env != null && env.startsWith("jdbc:postgresql:")) {
      url = env;
    }
    Assumptions.assumeTrue(url != null, "no PostgreSQL given (-Drokhsa.test.postgres-url)");
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setURL(freshDatabase(url));
    pg.setUser(POSTGRES_USER);
    migrate(pg);
    return pg;
  }

  private static final String POSTGRES_USER =
      System.getProperty("rokhsa.test.postgres-user", "postgres");
  private static String server;
  private static String fresh;

  /**
   * A database of this class's own on the given server, made once and dropped after the class: the
   * given database (CI's, shared with the integration suite) is left untouched.
   */
  private static synchronized String freshDatabase(String url) {
    if (fresh == null) {
      java.net.URI uri = java.net.URI.create(url.substring("jdbc:".length()));
      server =
          "jdbc:postgresql://"
              + uri.getHost()
              + ":"
              + (uri.getPort() < 0 ? 5432 : uri.getPort())
              + "/";
      String name = "rokhsa_search_test_" + UUID.randomUUID().toString().replace("-", "");
      try (Connection c =
              java.sql.DriverManager.getConnection(server + "postgres", POSTGRES_USER, "");
          java.sql.Statement s = c.createStatement()) {
        s.execute("create database " + name);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot create a test database on " + server, e);
      }
      fresh = name;
    }
    return server + fresh;
  }

  @org.junit.jupiter.api.AfterAll
  static synchronized void dropFreshDatabase() throws SQLException {
    if (fresh != null) {
      try (Connection c =
              java.sql.DriverManager.getConnection(server + "postgres", POSTGRES_USER, "");
          java.sql.Statement s = c.createStatement()) {
        s.execute("drop database if exists " + fresh + " with (force)");
      }
      fresh = null;
    }
  }

  private static void migrate(DataSource db) {
    Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
  }
}
