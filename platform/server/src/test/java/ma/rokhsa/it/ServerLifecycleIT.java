package ma.rokhsa.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import ma.rokhsa.it.support.Http;
import ma.rokhsa.it.support.PayaraProcess;
import ma.rokhsa.it.support.TcpRelay;
import ma.rokhsa.it.support.TestDatabase;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;

/**
 * The platform's life as an operator sees it, each test on its own Payara Micro process: data
 * survive a restart, Ctrl-C (SIGTERM) stops it cleanly, and readiness follows the database.
 */
class ServerLifecycleIT {

  private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(90);

  @Test
  void dataSurviveARestartAndSigtermStopsCleanly() throws IOException {
    Path data = freshDirectory("restart");
    JsonNode before;
    try (PayaraProcess first = PayaraProcess.start("restart", data, Map.of())) {
      awaitHealth(first, 200);
      before = first.http().get("api/version").json();
      assertThat(first.log())
          .as("the startup banner says where the platform listens")
          .contains("is ready.")
          .contains("Listening at   " + first.http().base());

      int exit = first.stop();

      assertThat(exit).as("exit code on SIGTERM").isIn(0, 143);
      assertThat(first.log()).contains("Rokhsa stopped.");
    }
    try (PayaraProcess second = PayaraProcess.start("restart", data, Map.of())) {
      awaitHealth(second, 200);
      JsonNode after = second.http().get("api/version").json();

      assertThat(after.path("installationId")).isEqualTo(before.path("installationId"));
      assertThat(after.path("installedAt")).isEqualTo(before.path("installedAt"));
      assertThat(second.log()).contains("0 migration(s) applied now");
    }
    if (!TestDatabase.isPostgresql()) {
      assertThat(data.resolve("db").resolve("rokhsa.mv.db")).isRegularFile();
    }
  }

  @Test
  void readinessIsDownWithAReasonWhileTheDatabaseIsUnreachable() throws Exception {
    Path data = freshDirectory("unreachable");
    Server h2 = null;
    TcpRelay relay;
    Map<String, String> env = new HashMap<>();
    if (TestDatabase.isPostgresql()) {
      relay =
          new TcpRelay(
              TestDatabase.postgresqlServer().getHost(), TestDatabase.postgresqlServer().getPort());
      env.put("ROKHSA_DB_URL", TestDatabase.postgresqlUrlVia(relay.port()));
    } else {
      // The embedded database has no network: serve the same H2 over TCP to put a relay in front.
      h2 =
          Server.createTcpServer(
                  "-tcpPort", "0", "-ifNotExists", "-baseDir", data.toAbsolutePath().toString())
              .start();
      relay = new TcpRelay("127.0.0.1", h2.getPort());
      env.put(
          "ROKHSA_DB_URL",
          "jdbc:h2:tcp://127.0.0.1:"
              + relay.port()
              + "/rokhsa;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }
    try (relay;
        PayaraProcess server = PayaraProcess.start("unreachable", data, env)) {
      awaitHealth(server, 200);

      relay.cut();
      Http.Response down = awaitHealth(server, 503);
      JsonNode database = check(down.json(), "database");
      assertThat(database.path("status").asText()).isEqualTo("DOWN");
      assertThat(database.path("data").path("reason").asText()).startsWith("database unreachable");
      assertThat(server.http().get("health/live").status())
          .as("the node itself stays alive")
          .isEqualTo(200);

      relay.restore();
      awaitHealth(server, 200);
      assertThat(server.http().get("api/version").status()).isEqualTo(200);
    } finally {
      if (h2 != null) {
        h2.stop();
      }
    }
  }

  private static Http.Response awaitHealth(PayaraProcess server, int status) {
    return await(server, "health/ready", response -> response.status() == status);
  }

  private static Http.Response await(
      PayaraProcess server, String path, Predicate<Http.Response> condition) {
    Instant deadline = Instant.now().plus(HEALTH_TIMEOUT);
    Http.Response last = null;
    while (Instant.now().isBefore(deadline)) {
      try {
        last = server.http().get(path);
        if (condition.test(last)) {
          return last;
        }
      } catch (RuntimeException notListeningYet) {
        // the HTTP listener may still be starting
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError(
        "GET /" + path + " never met the condition; last: " + last + "\n" + server.tail());
  }

  private static JsonNode check(JsonNode health, String name) {
    for (JsonNode check : health.path("checks")) {
      if (name.equals(check.path("name").asText())) {
        return check;
      }
    }
    throw new AssertionError("no health check named " + name + " in " + health);
  }

  private static Path freshDirectory(String name) throws IOException {
    Path root = Path.of(System.getProperty("rokhsa.it.dir", "target/it-data"), name);
    Files.createDirectories(root);
    return Files.createTempDirectory(root, "data-");
  }
}
