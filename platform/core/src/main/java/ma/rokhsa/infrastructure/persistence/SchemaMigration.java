package ma.rokhsa.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema to the version this build expects, with the Flyway migrations under
 * {@code db/migration} (the same scripts on H2 and PostgreSQL). Flyway takes a lock in the
 * database, so nodes starting together migrate once.
 *
 * <p>Flyway commits its own work, so this bean manages no transaction of its own.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = RokhsaDataSourceDefinition.JNDI_NAME)
  private DataSource dataSource;

  private volatile String schemaVersion;

  /**
   * Migrates the schema and returns its version. Throws if the database is unreachable or a
   * migration fails; nothing of a failed migration is kept on PostgreSQL, whose DDL is
   * transactional.
   */
  @Lock(LockType.WRITE)
  public String migrate() {
    Flyway flyway =
        Flyway.configure(SchemaMigration.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .failOnMissingLocations(true)
            .validateMigrationNaming(true)
            .load();
    MigrateResult result = flyway.migrate();
    String version =
        result.targetSchemaVersion != null
            ? result.targetSchemaVersion
            : result.initialSchemaVersion;
    LOG.info(
        () ->
            "Database schema at version "
                + version
                + " ("
                + result.migrationsExecuted
                + " migration(s) applied now)");
    schemaVersion = version;
    warnIfCommitsAreNotDurable();
    return version;
  }

  /**
   * What the platform acknowledges must be on disk (ADR 0013). PostgreSQL promises it only with
   * {@code fsync} and {@code synchronous_commit} on; an operator may have turned them off for
   * speed, so say it loudly at every start rather than lose deposits silently.
   */
  private void warnIfCommitsAreNotDurable() {
    try (Connection connection = dataSource.getConnection()) {
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        return;
      }
      for (String setting : List.of("fsync", "synchronous_commit")) {
        try (Statement statement = connection.createStatement();
            ResultSet value = statement.executeQuery("show " + setting)) {
          if (value.next() && "off".equalsIgnoreCase(value.getString(1))) {
            LOG.warning(
                "PostgreSQL runs with "
                    + setting
                    + "=off: a crash can lose changes whose answer clients already have."
                    + " Turn it on for production (see docs/operations.md#durability).");
          }
        }
      }
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "could not read PostgreSQL's durability settings", e);
    }
  }

  /** The schema version, once migrated by this node. */
  @Lock(LockType.READ)
  public Optional<String> schemaVersion() {
    return Optional.ofNullable(schemaVersion);
  }
}
