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
