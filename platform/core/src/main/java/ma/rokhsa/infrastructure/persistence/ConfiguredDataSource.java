package ma.rokhsa.infrastructure.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import ma.rokhsa.infrastructure.config.RokhsaSettings;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The vendor data source chosen by the {@code rokhsa.db.url} setting, so that operators set one URL
 * (and a user and password) and nothing else. Payara's connection pool creates it from {@link
 * RokhsaDataSourceDefinition}; the settings are read when the pool first asks for a connection (the
 * application's configuration is not visible earlier, at deployment). The pool owns and closes the
 * connections.
 */
public class ConfiguredDataSource implements DataSource {

  private int loginTimeoutSeconds = 10;
  private volatile DataSource delegate;

  @Override
  public Connection getConnection() throws SQLException {
    return delegate().getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return delegate().getConnection(username, password);
  }

  private DataSource delegate() throws SQLException {
    DataSource current = delegate;
    if (current == null) {
      current = createDelegate(RokhsaSettings.current());
      delegate = current;
    }
    return current;
  }

  private DataSource createDelegate(RokhsaSettings settings) throws SQLException {
    try {
      DatabaseUrl url = DatabaseUrl.of(settings.databaseUrl(), settings.dataDir());
      return switch (url.kind()) {
        case H2 -> h2(url, settings);
        case POSTGRESQL -> postgresql(url, settings);
      };
    } catch (IllegalArgumentException e) {
      throw new SQLException("rokhsa.db.url: " + e.getMessage(), "08001", e);
    }
  }

  private DataSource h2(DatabaseUrl url, RokhsaSettings settings) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(url.jdbcUrl());
    h2.setUser(settings.databaseUser());
    h2.setPassword(settings.databasePassword());
    h2.setLoginTimeout(loginTimeoutSeconds);
    return h2;
  }

  private DataSource postgresql(DatabaseUrl url, RokhsaSettings settings) throws SQLException {
    PGSimpleDataSource postgresql = new PGSimpleDataSource();
    postgresql.setURL(url.jdbcUrl());
    if (settings.databaseUser() != null) {
      postgresql.setUser(settings.databaseUser());
    }
    if (settings.databasePassword() != null) {
      postgresql.setPassword(settings.databasePassword());
    }
    postgresql.setLoginTimeout(loginTimeoutSeconds);
    postgresql.setConnectTimeout(loginTimeoutSeconds);
    postgresql.setApplicationName("rokhsa");
    return postgresql;
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    // logging goes through java.util.logging
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeoutSeconds = seconds;
    this.delegate = null;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeoutSeconds;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("logs through java.util.logging");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    return delegate().unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || delegate().isWrapperFor(type);
  }
}
