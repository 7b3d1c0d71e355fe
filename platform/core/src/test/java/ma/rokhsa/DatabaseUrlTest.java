package ma.rokhsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import ma.rokhsa.infrastructure.persistence.DatabaseUrl;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

  @Test
  void embeddedIsAnH2FileUnderTheDataDirectoryInPostgresqlMode() {
    DatabaseUrl url = DatabaseUrl.of("embedded", Path.of("/var/lib/rokhsa"));

    assertThat(url.kind()).isEqualTo(DatabaseUrl.Kind.H2);
    assertThat(url.jdbcUrl()).startsWith("jdbc:h2:file:/var/lib/rokhsa/db/rokhsa;MODE=PostgreSQL");
  }

  @Test
  void anH2CommitReturnsOnlyOnceItIsWrittenToTheFile() {
    assertThat(DatabaseUrl.of("embedded", Path.of("/d")).jdbcUrl()).endsWith(";WRITE_DELAY=0");
    assertThat(DatabaseUrl.of("jdbc:h2:file:/srv/rokhsa;MODE=PostgreSQL", Path.of("/d")).jdbcUrl())
        .isEqualTo("jdbc:h2:file:/srv/rokhsa;MODE=PostgreSQL;WRITE_DELAY=0");
    assertThat(DatabaseUrl.of("jdbc:h2:file:/srv/rokhsa;write_delay=100", Path.of("/d")).jdbcUrl())
        .as("an operator's own choice is kept")
        .isEqualTo("jdbc:h2:file:/srv/rokhsa;write_delay=100");
  }

  @Test
  void blankMeansEmbedded() {
    assertThat(DatabaseUrl.of(" ", Path.of("/d")).kind()).isEqualTo(DatabaseUrl.Kind.H2);
  }

  @Test
  void postgresqlUrlIsKeptAsGiven() {
    DatabaseUrl url = DatabaseUrl.of("jdbc:postgresql://db:5432/rokhsa", Path.of("/d"));

    assertThat(url.kind()).isEqualTo(DatabaseUrl.Kind.POSTGRESQL);
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/rokhsa");
  }

  @Test
  void redactedDropsParametersThatMayHoldCredentials() {
    DatabaseUrl url =
        DatabaseUrl.of("jdbc:postgresql://db/rokhsa?user=a&password=secret", Path.of("/d"));

    assertThat(url.redacted()).isEqualTo("jdbc:postgresql://db/rokhsa");
  }

  @Test
  void otherDatabasesAreRefusedWithoutLeakingTheUrl() {
    DatabaseUrl url = DatabaseUrl.of("jdbc:mysql://db/x?password=secret", Path.of("/d"));

    assertThatThrownBy(url::kind)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:mysql://db/x")
        .hasMessageNotContaining("secret");
  }

  @Test
  void notAJdbcUrlIsRefused() {
    assertThatThrownBy(() -> DatabaseUrl.of("postgres://db", Path.of("/d")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
