package ma.rokhsa.infrastructure.persistence;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Fresh databases on the real schema (every migration) for unit tests of SQL that must hold on both
 * databases the platform runs on: H2 in PostgreSQL mode as the embedded default opens it, and
 * PostgreSQL when {@code -Drokhsa.test.postgres-url=jdbc:postgresql://…} is given or {@code
 * ROKHSA_DB_URL} is a PostgreSQL URL (CI's second stage); otherwise the PostgreSQL cases are
 * skipped. A PostgreSQL database is made for the test and dropped by {@link #drop()}: the given one
 * (CI's, shared with the integration suite) is left untouched.
 */
public final class TestDatabases implements AutoCloseable {

  private static final String POSTGRES_USER =
      System.getProperty("rokhsa.test.postgres-user", "postgres");

  private final List<String> made = new ArrayList<>();
  private String server;

  /** A fresh, migrated database of {@code kind}: {@code h2} or {@code postgresql}. */
  public DataSource migrated(String kind) {
    DataSource database =
        switch (kind) {
          case "h2" -> h2();
          case "postgresql" -> postgresql();
          default -> throw new IllegalArgumentException("h2 or postgresql: " + kind);
        };
    Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
    return database;
  }

  private static DataSource h2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(
        "jdbc:h2:mem:test-"
            + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    h2.setUser("rokhsa");
    h2.setPassword("rokhsa");
    return h2;
  }

  private DataSource postgresql() {
    String url = System.getProperty("rokhsa.test.postgres-url");
    String env = System.getenv("ROKHSA_DB_URL");
    if (url == null && env != null && env.startsWith("jdbc:postgresql:")) {
      url = env;
    }
    Assumptions.assumeTrue(url != null, "no PostgreSQL given (-Drokhsa.test.postgres-url)");
    URI uri = URI.create(url.substring("jdbc:".length()));
    server =
        "jdbc:postgresql://"
            + uri.getHost()
            + ":"
            + (uri.getPort() < 0 ? 5432 : uri.getPort())
            + "/";
    String name = "rokhsa_unit_test_" + UUID.randomUUID().toString().replace("-", "");
    execute("create database " + name);
    made.add(name);
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setURL(server + name);
    pg.setUser(POSTGRES_USER);
    return pg;
  }

  /** Drops the PostgreSQL databases made. */
  public void drop() {
    for (String name : made) {
      execute("drop database if exists " + name + " with (force)");
    }
    made.clear();
  }

  @Override
  public void close() {
    drop();
  }

  private void execute(String sql) {
    try (Connection c = DriverManager.getConnection(server + "postgres", POSTGRES_USER, "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " on " + server + ": " + e.getMessage(), e);
    }
  }
}
