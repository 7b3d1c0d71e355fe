package ma.rokhsa.infrastructure.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import ma.rokhsa.application.OutboxReport;
import ma.rokhsa.domain.model.notification.DeliveryStatus;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Claims and outcomes on the real schema (every migration, on H2 in PostgreSQL mode, as the
 * embedded default runs): what keeps two nodes from sending the same notification.
 */
class OutboxStoreTest {

  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(2);

  private JdbcDataSource database;
  private OutboxStore store;

  @BeforeEach
  void migrate() {
    database = new JdbcDataSource();
    database.setURL(
        "jdbc:h2:mem:outbox-"
            + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    database.setUser("rokhsa");
    database.setPassword("rokhsa");
    Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
    store = new OutboxStore(database);
  }

  @Test
  void rowsLockedByAnotherNodesClaimAreSkippedNotWaitedFor() throws SQLException {
    long first = insert("a@example.ma", NOW.minusSeconds(3));
    long second = insert("b@example.ma", NOW.minusSeconds(2));
    long third = insert("c@example.ma", NOW.minusSeconds(1));

    try (Connection otherNode = database.getConnection()) {
      otherNode.setAutoCommit(false);
      try (PreparedStatement lock =
          otherNode.prepareStatement(
              "select id from notification_outbox where id = ? for update")) {
        lock.setLong(1, first);
        lock.executeQuery().close();
      }

      List<OutboxStore.Claimed> claimed = store.claim("node-b", 10, NOW, NOW.plus(LEASE));

      assertThat(claimed).extracting(OutboxStore.Claimed::id).containsExactly(second, third);
      otherNode.rollback();
    }
    assertThat(store.claim("node-c", 10, NOW, NOW.plus(LEASE)))
        .extracting(OutboxStore.Claimed::id)
        .containsExactly(first);
  }

  @Test
  void aClaimHoldsUntilItsLeaseExpiresThenAnotherNodeTakesOverAndTheOldClaimIsFencedOff()
      throws SQLException {
    long id = insert("a@example.ma", NOW);
    OutboxStore.Claimed byB = store.claim("node-b", 10, NOW, NOW.plus(LEASE)).get(0);

    assertThat(byB.attempts()).isEqualTo(1);
    assertThat(store.claim("node-c", 10, NOW.plusSeconds(60), NOW.plusSeconds(60).plus(LEASE)))
        .as("held by node-b's lease")
        .isEmpty();

    Instant later = NOW.plus(LEASE);
    OutboxStore.Claimed byC = store.claim("node-c", 10, later, later.plus(LEASE)).get(0);
    assertThat(byC.id()).isEqualTo(id);
    assertThat(byC.attempts()).isEqualTo(2);
    assertThat(byC.messageId()).isEqualTo(byB.messageId());

    assertThat(store.markSent(byB, later)).as("node-b's claim is no longer valid").isFalse();
    assertThat(status(id)).isEqualTo("PENDING");
    assertThat(store.markSent(byC, later)).isTrue();
    assertThat(status(id)).isEqualTo("SENT");
    assertThat(store.claim("node-d", 10, later.plus(LEASE), later.plus(LEASE).plus(LEASE)))
        .as("a sent notification is never claimed again")
        .isEmpty();
  }

  @Test
  void outcomesAreRecordedAndReported() throws SQLException {
    long retried = insert("retry@example.ma", NOW);
    long failed = insert("fail@example.ma", NOW);
    long released = insert("release@example.ma", NOW);
    List<OutboxStore.Claimed> claimed = store.claim("node-b", 10, NOW, NOW.plus(LEASE));
    assertThat(claimed).hasSize(3);

    assertThat(store.retryLater(claimed.get(0), "SMTP down", NOW.plusSeconds(30))).isTrue();
    assertThat(store.markFailed(claimed.get(1), "no channel 'pigeon'")).isTrue();
    assertThat(store.release(claimed.get(2))).isTrue();

    assertThat(store.claim("node-b", 10, NOW.plusSeconds(29), NOW.plus(LEASE)))
        .extracting(OutboxStore.Claimed::id)
        .as("released at once; the retried one not due yet")
        .containsExactly(released);
    assertThat(store.claim("node-b", 10, NOW.plusSeconds(30), NOW.plus(LEASE)))
        .extracting(OutboxStore.Claimed::id)
        .containsExactly(retried);

    OutboxReport report = store.report(10);
    assertThat(report.counts())
        .containsEntry(DeliveryStatus.PENDING, 2L)
        .containsEntry(DeliveryStatus.FAILED, 1L)
        .containsEntry(DeliveryStatus.SENT, 0L);
    assertThat(report.failed())
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.id()).isEqualTo(failed);
              assertThat(entry.lastError()).isEqualTo("no channel 'pigeon'");
              assertThat(entry.attempts()).isEqualTo(1);
            });
    assertThat(report.retrying())
        .extracting(OutboxReport.Entry::recipient)
        .containsExactlyInAnyOrder("retry@example.ma", "release@example.ma");
    assertThat(report.oldestPending()).contains(NOW);
  }

  private long insert(String recipient, Instant due) throws SQLException {
    try (Connection connection = database.getConnection();
        PreparedStatement next =
            connection.prepareStatement("select nextval('notification_outbox_seq')");
        ResultSet row = next.executeQuery()) {
      row.next();
      long id = row.getLong(1);
      try (PreparedStatement insert =
          connection.prepareStatement(
              "insert into notification_outbox (id, tenant_id, channel, recipient, language,"
                  + " subject, body, message_id, status, attempts, next_attempt_at, created_at)"
                  + " values (?, '06.141.01.0', 'email', ?, 'ar', 'وصل', 'نص', ?, 'PENDING', 0,"
                  + " ?, ?)")) {
        insert.setLong(1, id);
        insert.setString(2, recipient);
        insert.setString(3, UUID.randomUUID().toString());
        insert.setObject(4, due.atOffset(ZoneOffset.UTC));
        insert.setObject(5, due.atOffset(ZoneOffset.UTC));
        insert.executeUpdate();
      }
      return id;
    }
  }

  private String status(long id) throws SQLException {
    try (Connection connection = database.getConnection();
        PreparedStatement query =
            connection.prepareStatement("select status from notification_outbox where id = ?")) {
      query.setLong(1, id);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getString(1);
      }
    }
  }
}
