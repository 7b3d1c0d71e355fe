package ma.rokhsa.infrastructure.persistence;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The JDBC URL the platform connects to, from the {@code rokhsa.db.url} setting. The value {@code
 * embedded} means an H2 database in files under the data directory, in PostgreSQL compatibility
 * mode so that one set of migrations serves both.
 *
 * <p>Every H2 URL gets {@code WRITE_DELAY=0} unless it names its own: H2 otherwise writes committed
 * transactions to its file up to 500 ms after the commit returned, so a process killed in that
 * window loses changes whose answer the client already has (ADR 0013).
 */
public record DatabaseUrl(String jdbcUrl) {

  public static final String EMBEDDED = "embedded";

  /** H2: a commit returns once its changes are written to the database file. */
  private static final String COMMITTED_IS_WRITTEN = ";WRITE_DELAY=0";

  public DatabaseUrl {
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
      throw new IllegalArgumentException("not a JDBC URL: " + jdbcUrl);
    }
  }

  /** Resolves the setting: {@code embedded} or a JDBC URL. */
  public static DatabaseUrl of(String setting, Path dataDir) {
    if (setting == null || setting.isBlank() || EMBEDDED.equalsIgnoreCase(setting.trim())) {
      Path file = dataDir.resolve("db").resolve("rokhsa").toAbsolutePath();
      return new DatabaseUrl(
          "jdbc:h2:file:"
              + file
              + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
              + COMMITTED_IS_WRITTEN);
    }
    String url = setting.trim();
    if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")
        && !url.toUpperCase(Locale.ROOT).contains(";WRITE_DELAY=")) {
      url = url + COMMITTED_IS_WRITTEN;
    }
    return new DatabaseUrl(url);
  }

  public Kind kind() {
    String lower = jdbcUrl.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:h2:")) {
      return Kind.H2;
    }
    if (lower.startsWith("jdbc:postgresql:")) {
      return Kind.POSTGRESQL;
    }
    throw new IllegalArgumentException(
        "unsupported database (use H2 or PostgreSQL): " + redacted());
  }

  /** The URL without its parameters, which may carry credentials: safe to log. */
  public String redacted() {
    int cut = jdbcUrl.length();
    for (char separator : new char[] {'?', ';'}) {
      int at = jdbcUrl.indexOf(separator);
      if (at >= 0) {
        cut = Math.min(cut, at);
      }
    }
    return jdbcUrl.substring(0, cut);
  }

  /** The databases the platform runs on. */
  public enum Kind {
    H2,
    POSTGRESQL
  }
}
