package ma.rokhsa.infrastructure.notification;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import ma.rokhsa.application.OutboxMonitor;
import ma.rokhsa.application.OutboxReport;
import ma.rokhsa.domain.model.notification.DeliveryStatus;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.infrastructure.persistence.RokhsaDataSourceDefinition;

/**
 * The dispatcher's side of {@code notification_outbox}, in plain JDBC with its own short local
 * transactions (never inside a caller's): claiming due rows with a lease, and recording each
 * attempt's outcome. The same SQL runs on PostgreSQL and H2 (both know {@code for update skip
 * locked}).
 *
 * <p>Claims are fenced by a token: an outcome is recorded only by the claim that still holds the
 * row, so a node whose lease expired cannot overwrite what the node that took over recorded.
 */
@ApplicationScoped
public class OutboxStore implements OutboxMonitor {

  private static final int MAX_ERROR = 1000;

  @Resource(lookup = RokhsaDataSourceDefinition.JNDI_NAME)
  private DataSource dataSource;

  /** For CDI. */
  protected OutboxStore() {}

  /** On a given data source (tests). */
  OutboxStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A row claimed for sending by this node, until {@code leaseUntil}. */
  public record Claimed(
      long id,
      TenantId tenant,
      String channel,
      String recipient,
      String language,
      String subject,
      String body,
      String messageId,
      int attempts,
      String claimToken,
      Instant leaseUntil) {}

  /**
   * Claims up to {@code limit} due rows (pending, due, not held by a live lease), oldest due first,
   * for {@code lease}; each claim counts as an attempt.
   */
  public List<Claimed> claim(String node, int limit, Instant now, Instant leaseUntil) {
    String token = UUID.randomUUID().toString();
    return inTransaction(
        connection -> {
          List<Long> ids = new ArrayList<>();
          try (PreparedStatement due =
              connection.prepareStatement(
                  "select id from notification_outbox"
                      + " where status = 'PENDING' and next_attempt_at <= ?"
                      + " and (lease_until is null or lease_until <= ?)"
                      + " order by next_attempt_at, id limit ? for update skip locked")) {
            due.setObject(1, utc(now));
            due.setObject(2, utc(now));
            due.setInt(3, limit);
            try (ResultSet rows = due.executeQuery()) {
              while (rows.next()) {
                ids.add(rows.getLong(1));
              }
            }
          }
          List<Claimed> claimed = new ArrayList<>();
          try (PreparedStatement take =
                  connection.prepareStatement(
                      "update notification_outbox"
                          + " set claimed_by = ?, claim_token = ?, lease_until = ?,"
                          + " attempts = attempts + 1"
                          + " where id = ? and status = 'PENDING'"
                          + " and (lease_until is null or lease_until <= ?)");
              PreparedStatement read =
                  connection.prepareStatement(
                      "select tenant_id, channel, recipient, language, subject, body,"
                          + " message_id, attempts from notification_outbox where id = ?")) {
            for (long id : ids) {
              take.setString(1, node);
              take.setString(2, token);
              take.setObject(3, utc(leaseUntil));
              take.setLong(4, id);
              take.setObject(5, utc(now));
              if (take.executeUpdate() != 1) {
                continue; // taken meanwhile by another node: not ours
              }
              read.setLong(1, id);
              try (ResultSet row = read.executeQuery()) {
                row.next();
                claimed.add(
                    new Claimed(
                        id,
                        TenantId.of(row.getString(1)),
                        row.getString(2),
                        row.getString(3),
                        row.getString(4),
                        row.getString(5),
                        row.getString(6),
                        row.getString(7),
                        row.getInt(8),
                        token,
                        leaseUntil));
              }
            }
          }
          return claimed;
        });
  }

  /** Records a successful send; false if the claim was lost meanwhile. */
  public boolean markSent(Claimed claimed, Instant now) {
    return update(
        "update notification_outbox set status = 'SENT', sent_at = ?, claimed_by = null,"
            + " claim_token = null, lease_until = null where id = ? and claim_token = ?",
        claimed,
        utc(now));
  }

  /** Records a transient failure: the row is due again at {@code retryAt}. */
  public boolean retryLater(Claimed claimed, String error, Instant retryAt) {
    return update(
        "update notification_outbox set next_attempt_at = ?, last_error = ?, claimed_by = null,"
            + " claim_token = null, lease_until = null where id = ? and claim_token = ?",
        claimed,
        utc(retryAt),
        abbreviate(error));
  }

  /** Gives up on the row, with the reason. */
  public boolean markFailed(Claimed claimed, String error) {
    return update(
        "update notification_outbox set status = 'FAILED', last_error = ?, claimed_by = null,"
            + " claim_token = null, lease_until = null where id = ? and claim_token = ?",
        claimed,
        abbreviate(error));
  }

  /** Hands a claimed row back unsent (this node is stopping): the attempt does not count. */
  public boolean release(Claimed claimed) {
    return update(
        "update notification_outbox set claimed_by = null, claim_token = null, lease_until = null,"
            + " attempts = attempts - 1 where id = ? and claim_token = ?",
        claimed);
  }

  /** Counts by status, the oldest pending row, and the latest failed and retrying rows. */
  @Override
  public OutboxReport report(int limit) {
    return inTransaction(
        connection -> {
          Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
          for (DeliveryStatus status : DeliveryStatus.values()) {
            counts.put(status, 0L);
          }
          try (PreparedStatement count =
                  connection.prepareStatement(
                      "select status, count(*) from notification_outbox group by status");
              ResultSet rows = count.executeQuery()) {
            while (rows.next()) {
              counts.put(DeliveryStatus.valueOf(rows.getString(1)), rows.getLong(2));
            }
          }
          Optional<Instant> oldestPending;
          try (PreparedStatement oldest =
                  connection.prepareStatement(
                      "select min(created_at) from notification_outbox where status = 'PENDING'");
              ResultSet row = oldest.executeQuery()) {
            row.next();
            oldestPending =
                Optional.ofNullable(row.getObject(1, OffsetDateTime.class))
                    .map(OffsetDateTime::toInstant);
          }
          return new OutboxReport(
              counts,
              oldestPending,
              problems(connection, "status = 'FAILED'", limit),
              problems(connection, "status = 'PENDING' and attempts > 0", limit));
        });
  }

  private static List<OutboxReport.Entry> problems(Connection connection, String where, int limit)
      throws SQLException {
    List<OutboxReport.Entry> entries = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "select id, tenant_id, channel, recipient, message_id, status, attempts, last_error,"
                + " created_at, next_attempt_at from notification_outbox where "
                + where
                + " order by id desc limit ?")) {
      query.setInt(1, limit);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          entries.add(
              new OutboxReport.Entry(
                  rows.getLong(1),
                  TenantId.of(rows.getString(2)),
                  rows.getString(3),
                  rows.getString(4),
                  rows.getString(5),
                  DeliveryStatus.valueOf(rows.getString(6)),
                  rows.getInt(7),
                  rows.getString(8),
                  rows.getObject(9, OffsetDateTime.class).toInstant(),
                  rows.getObject(10, OffsetDateTime.class).toInstant()));
        }
      }
    }
    return entries;
  }

  private boolean update(String sql, Claimed claimed, Object... leading) {
    return inTransaction(
        connection -> {
          try (PreparedStatement update = connection.prepareStatement(sql)) {
            int i = 1;
            for (Object value : leading) {
              update.setObject(i++, value);
            }
            update.setLong(i++, claimed.id());
            update.setString(i, claimed.claimToken());
            return update.executeUpdate() == 1;
          }
        });
  }

  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs {@code work} in its own local transaction, committed at once. */
  private <T> T inTransaction(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the notification outbox: " + e.getMessage(), e);
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static String abbreviate(String error) {
    String text = error == null ? "unknown error" : error;
    return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 1) + "…";
  }
}
