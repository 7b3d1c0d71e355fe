package ma.rokhsa.infrastructure.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Declares the application's pooled data source, {@value #JNDI_NAME}; {@link ConfiguredDataSource}
 * connects it to the database named by the {@code rokhsa.db.*} settings. The pool belongs to the
 * server: it is created at deployment and closed at undeployment.
 */
@DataSourceDefinition(
    name = RokhsaDataSourceDefinition.JNDI_NAME,
    className = "ma.rokhsa.infrastructure.persistence.ConfiguredDataSource",
    loginTimeout = 5,
    minPoolSize = 0,
    initialPoolSize = 0,
    maxPoolSize = 32,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=meta-data",
      "fish.payara.fail-all-connections=true",
      "fish.payara.max-wait-time-in-millis=10000"
    })
@ApplicationScoped
public class RokhsaDataSourceDefinition {

  public static final String JNDI_NAME = "java:app/jdbc/rokhsa";
}
