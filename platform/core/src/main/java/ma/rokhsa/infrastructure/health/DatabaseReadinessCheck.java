package ma.rokhsa.infrastructure.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import ma.rokhsa.infrastructure.Throwables;
import ma.rokhsa.infrastructure.persistence.RokhsaDataSourceDefinition;
import ma.rokhsa.infrastructure.persistence.SchemaMigration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the database answers. When it does not, the response says why ({@code reason}),
 * without credentials; the pool drops its broken connections and the check turns UP again as soon
 * as the database is back.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

  private static final int VALIDATION_TIMEOUT_SECONDS = 3;

  @Resource(lookup = RokhsaDataSourceDefinition.JNDI_NAME)
  DataSource dataSource;

  @Inject SchemaMigration schema;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
    schema.schemaVersion().ifPresent(version -> response.withData("schema", version));
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
        return response
            .down()
            .withData(
                "reason",
                "database unreachable: no answer within " + VALIDATION_TIMEOUT_SECONDS + " s")
            .build();
      }
      return response
          .up()
          .withData("product", connection.getMetaData().getDatabaseProductName())
          .build();
    } catch (SQLException | RuntimeException e) {
      return response
          .down()
          .withData("reason", "database unreachable: " + Throwables.rootMessage(e))
          .build();
    }
  }
}
