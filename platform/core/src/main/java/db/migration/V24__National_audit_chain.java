package db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The national audit chain (ADR 0023): national actions — accounts, grants and revocations, sign-in
 * locks, plugin installs, tenant-configuration reloads — are recorded in a hash chain of their own,
 * named {@code national}, which no tenant row has. The audit tables' foreign keys to {@code tenant}
 * are dropped (their names differ between H2 and PostgreSQL, hence Java: they are read from the
 * database's metadata), and the chain's head is made here, empty, so that every append finds a head
 * row to lock.
 */
public class V24__National_audit_chain extends BaseJavaMigration {

  private static final String GENESIS = "0".repeat(64);

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    for (String table : List.of("audit_entry", "audit_chain")) {
      for (String constraint : foreignKeysToTenant(connection, table)) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("alter table " + table + " drop constraint " + quoted(constraint));
        }
      }
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into audit_chain (tenant_id, last_sequence, last_hash) values (?, 0, ?)")) {
      insert.setString(1, "national");
      insert.setString(2, GENESIS);
      insert.executeUpdate();
    }
  }

  private static List<String> foreignKeysToTenant(Connection connection, String table)
      throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    List<String> names = new ArrayList<>();
    for (String name : List.of(table, table.toUpperCase(java.util.Locale.ROOT))) {
      try (ResultSet keys = meta.getImportedKeys(connection.getCatalog(), null, name)) {
        while (keys.next()) {
          String fk = keys.getString("FK_NAME");
          if ("tenant".equalsIgnoreCase(keys.getString("PKTABLE_NAME"))
              && fk != null
              && !names.contains(fk)) {
            names.add(fk);
          }
        }
      }
      if (!names.isEmpty()) {
        break;
      }
    }
    return names;
  }

  private static String quoted(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
