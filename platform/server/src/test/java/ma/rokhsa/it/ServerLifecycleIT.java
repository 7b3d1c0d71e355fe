package ma.rokhsa.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
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

  @Test
  void brokenTenantConfigStopsStartupNamingFileAndLineAndChangesNothing() throws Exception {
    Path data = freshDirectory("broken-config");
    Path config = copyOfTenantConfig(data.resolve("tenant-config"));
    Map<String, String> env = Map.of("ROKHSA_TENANT_CONFIG_DIR", config.toString());
    try (PayaraProcess first = PayaraProcess.start("broken-config", data, env)) {
      awaitHealth(first, 200);
    }
    String themeBefore = themeOfRegion06(data);

    // One valid change and one broken file: neither may be applied.
    Files.writeString(config.resolve("territories/06.yaml"), "theme: changed\n");
    Files.writeString(
        config.resolve("territories/04.yaml"), "# Rabat-Salé-Kénitra\ncolour: blue\n");
    try (PayaraProcess second = PayaraProcess.start("broken-config", data, env)) {
      Http.Response live = await(second, "health/live", response -> response.status() == 503);
      assertThat(live.body()).contains("DOWN");
      assertThat(second.log())
          .contains("tenant-config is not valid; nothing was applied")
          .contains("territories/04.yaml:2: unknown setting 'colour'");
    }
    assertThat(themeOfRegion06(data)).isEqualTo(themeBefore).isNotEqualTo("changed");
    String digestBefore = query(data, "select digest from tenant_config_state");

    // Mended, the configuration is applied at the next start: the change and its digest.
    Files.delete(config.resolve("territories/04.yaml"));
    try (PayaraProcess third = PayaraProcess.start("broken-config", data, env)) {
      awaitHealth(third, 200);
      // Region 06 and its 179 units beneath inherit the theme.
      assertThat(third.log()).contains("180 updated");
    }
    assertThat(themeOfRegion06(data)).isEqualTo("changed");
    assertThat(query(data, "select digest from tenant_config_state")).isNotEqualTo(digestBefore);
  }

  @Test
  void tokensOfAConfiguredOpenIdConnectProviderAreAccepted() throws Exception {
    RSAKey providerKey = new RSAKeyGenerator(2048).keyID("idp-key").generate();
    HttpServer jwks =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] body = new JWKSet(providerKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    jwks.createContext(
        "/jwks",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    jwks.start();
    String issuer = "https://idp.example.ma/realms/interieur";
    Map<String, String> env = new HashMap<>();
    env.put("ROKHSA_OIDC_ISSUER", issuer);
    env.put("ROKHSA_OIDC_JWKS_URL", "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks");
    env.put("ROKHSA_OIDC_AUDIENCE", AUDIENCE);
    // The suite's own initial password: on PostgreSQL every test shares one database.
    env.put("ROKHSA_ADMIN_INITIAL_PASSWORD", System.getProperty("rokhsa.it.admin-password"));
    try (PayaraProcess server = PayaraProcess.start("oidc", freshDirectory("oidc"), env)) {
      awaitHealth(server, 200);
      String good = token(providerKey, issuer, "admin", Instant.now().plusSeconds(300));

      Http.Response me = server.http().as(good).get("api/auth/me");
      assertThat(me.status()).as(me.toString()).isEqualTo(200);
      assertThat(me.json().path("username").asText()).isEqualTo("admin");
      assertThat(server.http().as(good).get("api/admin/tenants/06").status()).isEqualTo(200);

      RSAKey stranger = new RSAKeyGenerator(2048).keyID("idp-key").generate();
      assertThat(me(server, token(stranger, issuer, "admin", Instant.now().plusSeconds(300))))
          .as("signed by a key the provider does not publish")
          .isEqualTo(401);
      assertThat(
              me(
                  server,
                  token(
                      providerKey,
                      "https://other.example",
                      "admin",
                      Instant.now().plusSeconds(300))))
          .as("another issuer")
          .isEqualTo(401);
      assertThat(me(server, token(providerKey, issuer, "admin", Instant.now().minusSeconds(600))))
          .as("expired")
          .isEqualTo(401);
      assertThat(me(server, token(providerKey, issuer, "nobody", Instant.now().plusSeconds(300))))
          .as("no such account here")
          .isEqualTo(401);
      assertThat(
              me(
                  server,
                  token(
                      providerKey,
                      issuer,
                      "admin",
                      Instant.now().plusSeconds(300),
                      "another-application")))
          .as("issued by the provider to another application")
          .isEqualTo(401);
    } finally {
      jwks.stop(0);
    }
  }

  /** The status of {@code api/auth/me} with a bearer token. */
  private static int me(PayaraProcess server, String token) {
    return server.http().as(token).get("api/auth/me").status();
  }

  /** The audience the platform is configured to be (rokhsa.oidc.audience). */
  private static final String AUDIENCE = "rokhsa-platform";

  private static String token(RSAKey key, String issuer, String username, Instant expires)
      throws Exception {
    return token(key, issuer, username, expires, AUDIENCE);
  }

  private static String token(
      RSAKey key, String issuer, String username, Instant expires, String audience)
      throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
            new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject("idp-" + username)
                .claim("preferred_username", username)
                .issueTime(Date.from(expires.minusSeconds(900)))
                .expirationTime(Date.from(expires))
                .build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static Path copyOfTenantConfig(Path target) throws IOException {
    Path source = Path.of(System.getProperty("rokhsa.root", "../..")).resolve("tenant-config");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path copy = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy);
        }
      }
    }
    return target;
  }

  private static String themeOfRegion06(Path data) throws Exception {
    return query(data, "select theme from tenant where id = '06'");
  }

  /** Reads one value from the database directly, the server being stopped. */
  private static String query(Path data, String sql) throws Exception {
    String url;
    String user;
    String password;
    if (TestDatabase.isPostgresql()) {
      url = TestDatabase.postgresqlUrl().orElseThrow();
      user = System.getenv().getOrDefault("ROKHSA_DB_USER", "rokhsa");
      password = System.getenv().getOrDefault("ROKHSA_DB_PASSWORD", "");
    } else {
      url =
          "jdbc:h2:file:"
              + data.resolve("db/rokhsa").toAbsolutePath()
              + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
      user = "rokhsa";
      password = "rokhsa";
    }
    try (Connection connection = DriverManager.getConnection(url, user, password);
        PreparedStatement query =
            connection.prepareStatement("select theme from tenant where id = '06'");
        ResultSet row = query.executeQuery()) {
      assertThat(row.next()).isTrue();
      return row.getString(1);
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
