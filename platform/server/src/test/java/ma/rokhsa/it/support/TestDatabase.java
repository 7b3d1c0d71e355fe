package ma.rokhsa.it.support;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Which database the integration suite runs against: the embedded H2 default, or PostgreSQL when
 * {@code ROKHSA_DB_URL} is set (as CI does), exactly as the platform itself reads it.
 */
public final class TestDatabase {

  private TestDatabase() {}

  /** The PostgreSQL URL the suite runs against, if any. */
  public static Optional<String> postgresqlUrl() {
    return Optional.ofNullable(System.getenv("ROKHSA_DB_URL"))
        .filter(url -> url.startsWith("jdbc:postgresql:"));
  }

  public static boolean isPostgresql() {
    return postgresqlUrl().isPresent();
  }

  /**
   * On PostgreSQL, a database of the node whose data directory is given, beside the suite's own
   * (named after it, created at the first call, the same for every start on that directory): what a
   * node's own H2 files are on the embedded default. Empty on H2.
   */
  public static Optional<String> ownPostgresqlUrl(Path dataDir) {
    Optional<String> suite = postgresqlUrl();
    if (suite.isEmpty()) {
      return Optional.empty();
    }
    String url = suite.get();
    int slash = url.indexOf('/', "jdbc:postgresql://".length());
    int query = url.indexOf('?', slash);
    String database = url.substring(slash + 1, query < 0 ? url.length() : query);
    String own =
        database
            + "_"
            + Integer.toHexString(dataDir.toAbsolutePath().normalize().toString().hashCode());
    try (Connection c =
            DriverManager.getConnection(
                url,
                System.getenv().getOrDefault("ROKHSA_DB_USER", "rokhsa"),
                System.getenv().getOrDefault("ROKHSA_DB_PASSWORD", ""));
        var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, own);
      try (var found = exists.executeQuery()) {
        if (!found.next()) {
          try (var create = c.createStatement()) {
            create.execute("create database \"" + own + "\"");
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the node's database " + own, e);
    }
    return Optional.of(url.substring(0, slash + 1) + own + (query < 0 ? "" : url.substring(query)));
  }

  /**
   * A connection to the database of a platform whose data directory is given (its embedded H2
   * files, the server being stopped), or to the suite's PostgreSQL database.
   */
  public static Connection connect(Path dataDir) throws SQLException {
    if (isPostgresql()) {
      return DriverManager.getConnection(
          postgresqlUrl().orElseThrow(),
          System.getenv().getOrDefault("ROKHSA_DB_USER", "rokhsa"),
          System.getenv().getOrDefault("ROKHSA_DB_PASSWORD", ""));
    }
    return DriverManager.getConnection(
        "jdbc:h2:file:"
            + dataDir.resolve("db/rokhsa").toAbsolutePath()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
        "rokhsa",
        "rokhsa");
  }

  /** Host and port of the PostgreSQL server; only when {@link #isPostgresql()}. */
  public static URI postgresqlServer() {
    URI uri = URI.create(postgresqlUrl().orElseThrow().substring("jdbc:".length()));
    return URI.create("tcp://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort()));
  }

  /** The same URL pointed at another host and port (a relay in front of the server). */
  public static String postgresqlUrlVia(int port) {
    URI server = postgresqlServer();
    return postgresqlUrl()
        .orElseThrow()
        .replace(server.getHost() + ":" + server.getPort(), "127.0.0.1:" + port)
        .replace("//" + server.getHost() + "/", "//127.0.0.1:" + port + "/");
  }
}
