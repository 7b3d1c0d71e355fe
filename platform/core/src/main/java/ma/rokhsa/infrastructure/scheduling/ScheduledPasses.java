package ma.rokhsa.infrastructure.scheduling;

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
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import ma.rokhsa.infrastructure.persistence.RokhsaDataSourceDefinition;

/**
 * The periods of once-per-cluster jobs, in {@code scheduled_pass}: a node runs a job's pass for a
 * period only if it is the one whose claim of that period was stored — the table's primary key lets
 * exactly one claim per job and period succeed, whatever the number of nodes, and survives any
 * node's crash. Plain JDBC in short transactions of its own, the same on PostgreSQL and H2.
 *
 * <p>A node that claims a period and dies mid-pass leaves that period's row unfinished; the next
 * period is claimed afresh. The jobs that use this are made of their own idempotent transactions
 * (the legal clock moves each dossier in an optimistic transaction), so an interrupted pass is
 * completed by the next one.
 */
@ApplicationScoped
public class ScheduledPasses {

  private static final Logger LOG = Logger.getLogger(ScheduledPasses.class.getName());

  /** SQLSTATE of a unique or primary key violation, on PostgreSQL and H2 alike. */
  private static final String UNIQUE_VIOLATION = "23505";

  private static final int MAX_OUTCOME = 500;

  /** How long finished periods are kept, for operators looking back. */
  static final Duration RETENTION = Duration.ofDays(30);

  @Resource(lookup = RokhsaDataSourceDefinition.JNDI_NAME)
  private DataSource dataSource;

  /** For CDI. */
  protected ScheduledPasses() {}

  /** On a given data source (tests). */
  ScheduledPasses(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A period's pass as recorded. */
  public record Pass(
      String job, Instant periodStart, String node, Instant claimedAt, Instant finishedAt) {}

  /**
   * One look of this node at {@code job}'s current period of {@code interval}: if this node's claim
   * of the period is the one stored, runs {@code pass} and records what it returned (or how it
   * failed) as the period's outcome; otherwise does nothing. Never throws: a scheduled task that
   * throws is not run again. {@code name} is how the log calls the job ("legal clock").
   */
  public void runIfClaimed(String job, String name, Duration interval, Supplier<String> pass) {
    Instant now = Instant.now();
    Instant period = periodStart(now, interval);
    try {
      if (!claim(job, period, NodeName.get(), now)) {
        return;
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, name + ": cannot claim the period of " + period, e);
      return;
    }
    String outcome;
    try {
      outcome = pass.get();
    } catch (RuntimeException e) {
      outcome = "failed: " + e;
      LOG.log(Level.WARNING, name + " pass failed; next pass in " + interval, e);
    }
    try {
      finish(job, period, NodeName.get(), Instant.now(), outcome);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, name + ": cannot record the end of the pass of " + period, e);
    }
  }

  /** The start of the period of {@code length} that holds {@code now}, aligned on the epoch. */
  public static Instant periodStart(Instant now, Duration length) {
    long millis = length.toMillis();
    if (millis <= 0) {
      throw new IllegalArgumentException("a period lasts more than 0 ms: " + length);
    }
    return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), millis) * millis);
  }

  /**
   * Claims {@code job}'s period starting at {@code periodStart} for {@code node}: true if this
   * claim is the one stored (run the pass), false if another claim was (skip it). Periods older
   * than the retention are forgotten on the way.
   */
  public boolean claim(String job, Instant periodStart, String node, Instant now) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(true);
      try {
        try (PreparedStatement insert =
            connection.prepareStatement(
                "insert into scheduled_pass (job, period_start, node, claimed_at)"
                    + " values (?, ?, ?, ?)")) {
          insert.setString(1, job);
          insert.setObject(2, utc(periodStart));
          insert.setString(3, node);
          insert.setObject(4, utc(now));
          insert.executeUpdate();
        } catch (SQLException e) {
          if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
            return false;
          }
          throw e;
        }
        try (PreparedStatement forget =
            connection.prepareStatement(
                "delete from scheduled_pass where job = ? and period_start < ?")) {
          forget.setString(1, job);
          forget.setObject(2, utc(periodStart.minus(RETENTION)));
          forget.executeUpdate();
        }
        return true;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("scheduled passes: " + e.getMessage(), e);
    }
  }

  /** Records how the pass of a period this node claimed ended. */
  public void finish(String job, Instant periodStart, String node, Instant now, String outcome) {
    String text = outcome == null ? "" : outcome;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "update scheduled_pass set finished_at = ?, outcome = ?"
                    + " where job = ? and period_start = ? and node = ?")) {
      update.setObject(1, utc(now));
      update.setString(
          2, text.length() <= MAX_OUTCOME ? text : text.substring(0, MAX_OUTCOME - 1) + "…");
      update.setString(3, job);
      update.setObject(4, utc(periodStart));
      update.setString(5, node);
      update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("scheduled passes: " + e.getMessage(), e);
    }
  }

  /** The recorded passes of {@code job} since {@code from}, oldest first. */
  public List<Pass> since(String job, Instant from) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "select period_start, node, claimed_at, finished_at from scheduled_pass"
                    + " where job = ? and period_start >= ? order by period_start")) {
      select.setString(1, job);
      select.setObject(2, utc(from));
      List<Pass> passes = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          OffsetDateTime finished = rows.getObject(4, OffsetDateTime.class);
          passes.add(
              new Pass(
                  job,
                  rows.getObject(1, OffsetDateTime.class).toInstant(),
                  rows.getString(2),
                  rows.getObject(3, OffsetDateTime.class).toInstant(),
                  finished == null ? null : finished.toInstant()));
        }
      }
      return passes;
    } catch (SQLException e) {
      throw new IllegalStateException("scheduled passes: " + e.getMessage(), e);
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
