package ma.rokhsa.infrastructure.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Whether any row of any tenant refers to a stored content by its SHA-256: what keeps a content
 * from {@link FileSystemContentStore#collectUnreferenced collection}. Every column that records a
 * content store hash is listed here — a table that starts keeping one must be added, or its
 * contents would be collected after the grace period.
 *
 * <p>Reads with plain JDBC, outside any tenant: contents are shared between tenants (the store
 * keeps identical bytes once), so a reference from any tenant keeps them. Holds no connection
 * between calls.
 */
public final class ContentReferences {

  /** Table and column of every recorded content hash. */
  static final List<String[]> COLUMNS =
      List.of(
          new String[] {"dossier_attachment", "sha256"},
          new String[] {"authorization_document", "file_sha256"});

  private static final String QUERY =
      String.join(
          " union all ",
          COLUMNS.stream().map(c -> "select 1 from " + c[0] + " where " + c[1] + " = ?").toList());

  private final DataSource database;

  public ContentReferences(DataSource database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /**
   * Whether a row refers to the content.
   *
   * @throws IllegalStateException if the database cannot say (a content is then never collected)
   */
  public boolean referenced(String sha256) {
    try (Connection c = database.getConnection();
        PreparedStatement q = c.prepareStatement(QUERY)) {
      for (int i = 1; i <= COLUMNS.size(); i++) {
        q.setString(i, sha256);
      }
      q.setMaxRows(1);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot tell whether content " + sha256 + " is referred to", e);
    }
  }
}
