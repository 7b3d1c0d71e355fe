package ma.rokhsa.it.probe;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import ma.rokhsa.domain.model.document.ContentStore;
import ma.rokhsa.infrastructure.persistence.RokhsaDataSourceDefinition;

/**
 * Observes, never changes: how many rows every table of the platform holds (dossiers, audit
 * entries, outbox messages, accounts…) and how many files the content store keeps, so that a test
 * can show a rejected request left nothing behind. The schedule's own records of its passes ({@code
 * scheduled_pass}, {@code audit_verification}, and the checkpoints each pass seals with the seal
 * made on the first: {@code audit_sealed_checkpoint}, {@code audit_seal_key}) are left out: they
 * grow with time, whatever the requests.
 */
@Path("_probe/counts")
@RequestScoped
public class CountProbeResource {

  @Resource(lookup = RokhsaDataSourceDefinition.JNDI_NAME)
  DataSource dataSource;

  @Inject ContentStore store;

  /** Each table's row count by name (lower case), and {@code files}: the stored files. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Long> counts() throws SQLException, IOException {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection db = dataSource.getConnection()) {
      for (String table : tables(db)) {
        try (Statement statement = db.createStatement();
            ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
          rows.next();
          counts.put(table, rows.getLong(1));
        }
      }
    }
    try (Stream<String> files = store.list()) {
      counts.put("files", files.count());
    }
    return counts;
  }

  private static List<String> tables(Connection db) throws SQLException {
    List<String> tables = new ArrayList<>();
    String schema = db.getSchema();
    try (ResultSet found = db.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
      while (found.next()) {
        String name = found.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
        // scheduled_pass grows on the schedule of the once-per-cluster jobs, not with requests,
        // and so do audit_verification (a row per chain the background verification finds) and
        // the checkpoints each pass seals (ADR 0039).
        if (!name.startsWith("flyway_")
            && !name.equals("scheduled_pass")
            && !name.equals("audit_verification")
            && !name.equals("audit_sealed_checkpoint")
            && !name.equals("audit_seal_key")) {
          tables.add(name);
        }
      }
    }
    return tables;
  }
}
