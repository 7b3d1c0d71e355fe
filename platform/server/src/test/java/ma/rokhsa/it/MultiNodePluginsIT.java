package ma.rokhsa.it;

import static ma.rokhsa.it.PluginsIT.VENDOR;
import static ma.rokhsa.it.PluginsIT.attestation;
import static ma.rokhsa.it.PluginsIT.awaitReady;
import static ma.rokhsa.it.PluginsIT.created;
import static ma.rokhsa.it.PluginsIT.ok;
import static ma.rokhsa.it.PluginsIT.upload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import ma.rokhsa.it.support.Http;
import ma.rokhsa.it.support.PayaraProcess;
import ma.rokhsa.it.support.TestDatabase;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;

/**
 * Two real nodes on one database: a plugin installed, disabled, upgraded and removed through one
 * node's admin API is picked up by the other without a restart, within its poll interval; and each
 * node keeps its own search index of the shared database, in which a dossier deposited through
 * either node is found on both (issue 11). On H2 the database is served over TCP to both nodes; on
 * PostgreSQL ({@code ROKHSA_DB_URL}) they share the suite's.
 */
class MultiNodePluginsIT {

  /** Far beyond the nodes' one-second poll: the test waits for the outcome, not for a time. */
  private static final Duration PICK_UP_TIMEOUT = Duration.ofSeconds(90);

  @Test
  void aPluginChangeThroughOneNodeIsPickedUpByTheOtherWithoutRestart() throws Exception {
    Path root = Path.of(System.getProperty("rokhsa.it.dir", "target/it-data"), "multi-node");
    Files.createDirectories(root);
    Path work = Files.createTempDirectory(root, "uploads-");
    Map<String, String> env = new HashMap<>();
    Server h2 = null;
    if (!TestDatabase.isPostgresql()) {
      // The embedded database is one process's: serve it over TCP so that both nodes share it.
      Path db = Files.createTempDirectory(root, "db-");
      h2 =
          Server.createTcpServer(
                  "-tcpPort", "0", "-ifNotExists", "-baseDir", db.toAbsolutePath().toString())
              .start();
      env.put(
          "ROKHSA_DB_URL",
          "jdbc:h2:tcp://127.0.0.1:"
              + h2.getPort()
              + "/rokhsa;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }
    env.put(
        "ROKHSA_PLUGINS_TRUST_ANCHORS",
        VENDOR
            .trustAnchors(
                Files.createTempFile(root, "anchors-", ".pem"),
                PayaraProcess.developmentCertificate())
            .toString());
    env.put("ROKHSA_PLUGINS_POLL_INTERVAL", "PT1S");
    env.put("ROKHSA_ADMIN_INITIAL_PASSWORD", System.getProperty("rokhsa.it.admin-password"));
    try (PayaraProcess a =
            PayaraProcess.start("multi-node", Files.createTempDirectory(root, "node-a-"), env);
        PayaraProcess b =
            PayaraProcess.start("multi-node", Files.createTempDirectory(root, "node-b-"), env)) {
      awaitReady(a);
      awaitReady(b);
      String password = System.getProperty("rokhsa.it.admin-password");
      Http onA = a.http().signIn("admin", password);
      Http onB = b.http().signIn("admin", password);
      assertThat(plugin(onB, "attestation-essai")).isEmpty();

      created(upload(onA, "POST", "api/admin/plugins", attestation(work, "1.0.0", false)));
      JsonNode picked =
          awaitPlugin(onB, "attestation-essai", p -> p.path("state").asText().equals("STARTED"));
      assertThat(picked.path("version").asText()).isEqualTo("1.0.0");
      assertThat(procedureIds(onB)).contains("attestation-essai");

      ok(onB.post("api/admin/plugins/attestation-essai/disable", ""));
      awaitPlugin(onA, "attestation-essai", p -> p.path("state").asText().equals("DISABLED"));
      assertThat(procedureIds(onA)).doesNotContain("attestation-essai");
      ok(onB.post("api/admin/plugins/attestation-essai/enable", ""));
      awaitPlugin(onA, "attestation-essai", p -> p.path("state").asText().equals("STARTED"));

      ok(
          upload(
              onA,
              "PUT",
              "api/admin/plugins/attestation-essai",
              attestation(work, "1.1.0", false)));
      awaitPlugin(
          onB,
          "attestation-essai",
          p ->
              p.path("version").asText().equals("1.1.0")
                  && p.path("state").asText().equals("STARTED"));

      assertThat(
              onA.send("DELETE", "api/admin/plugins/attestation-essai", "application/json", "")
                  .status())
          .isEqualTo(204);
      await(onB, "attestation-essai removed", () -> plugin(onB, "attestation-essai").isEmpty());
      assertThat(procedureIds(onB)).doesNotContain("attestation-essai");
      assertThat(b.log()).contains("Picked up plugin changes made through another node");
      assertThat(b.http().get("health/ready").status()).isEqualTo(200);

      searchOnTwoNodes(a, b, onA, onB);
    } finally {
      if (h2 != null) {
        h2.stop();
      }
    }
  }

  /**
   * A dossier deposited through either node is found on both by the commune's agent (each node
   * applies the shared change log to its own index), and each node's index holds exactly the
   * database's dossiers; both nodes report their cursors to the change log's purge.
   */
  private static void searchOnTwoNodes(PayaraProcess a, PayaraProcess b, Http onA, Http onB)
      throws InterruptedException {
    ok(onA.post("api/admin/rollout/regions/06/enable?dryRun=false", ""));
    String run = Long.toString(System.nanoTime(), 36);
    Http applicantA = TenancyIT.account(a.http(), onA, "ma-" + run, "APPLICANT", null);
    Http guichetA = TenancyIT.account(a.http(), onA, "mg-" + run, "GUICHET_AGENT", SearchIT.T);
    Http applicantB = b.http().signIn("ma-" + run, TenancyIT.PASSWORD);
    Http guichetB = b.http().signIn("mg-" + run, TenancyIT.PASSWORD);
    SearchIT.awaitSearchable(guichetA);
    SearchIT.awaitSearchable(guichetB);
    Random random = new Random();
    for (int round = 0; round < 3; round++) {
      String cinA = "MA" + (100000 + random.nextInt(899999));
      String cinB = "MB" + (100000 + random.nextInt(899999));
      String viaA = SearchIT.deposit(applicantA, cinA, "Mohamed Benjelloun").path("id").asText();
      long depositedA = System.nanoTime();
      String onOther =
          SearchIT.awaitHit(guichetB, cinA, Duration.ofSeconds(10)).path("id").asText();
      long millisA = (System.nanoTime() - depositedA) / 1_000_000;
      String viaB = SearchIT.deposit(applicantB, cinB, "Ahmed El Idrissi").path("id").asText();
      long depositedB = System.nanoTime();
      String onOtherB =
          SearchIT.awaitHit(guichetA, cinB, Duration.ofSeconds(10)).path("id").asText();
      long millisB = (System.nanoTime() - depositedB) / 1_000_000;
      System.out.println(
          "MultiNodePluginsIT: deposit through A found on B after "
              + millisA
              + " ms; through B found on A after "
              + millisB
              + " ms");
      assertThat(onOther).isEqualTo(viaA);
      assertThat(onOtherB).isEqualTo(viaB);
      assertThat(millisA)
          .as("searchable on the other node within a second (+ margin)")
          .isLessThan(2_000);
      assertThat(millisB)
          .as("searchable on the other node within a second (+ margin)")
          .isLessThan(2_000);
      // …and on the node that took it, by the commune's agent only.
      assertThat(SearchIT.ids(SearchIT.search(guichetA, "q=" + cinA))).containsExactly(viaA);
      assertThat(SearchIT.ids(SearchIT.search(guichetB, "q=" + cinB))).containsExactly(viaB);
    }
    JsonNode statusA = SearchIT.awaitCountsMatch(onA, Duration.ofSeconds(30));
    JsonNode statusB = SearchIT.awaitCountsMatch(onB, Duration.ofSeconds(30));
    assertThat(statusA.path("inDatabase").asLong()).isEqualTo(statusB.path("inDatabase").asLong());
    assertThat(statusA.path("indexed").asLong()).isEqualTo(statusB.path("indexed").asLong());
    // Both nodes report to the purge (the nodes of earlier tests on a shared PostgreSQL too).
    assertThat(statusA.path("changeLog").path("liveNodes").asInt()).isGreaterThanOrEqualTo(2);
  }

  private static Optional<JsonNode> plugin(Http admin, String id) {
    return StreamSupport.stream(ok(admin.get("api/admin/plugins")).spliterator(), false)
        .filter(p -> p.path("id").asText().equals(id))
        .findFirst();
  }

  private static JsonNode awaitPlugin(Http admin, String id, Predicate<JsonNode> condition) {
    await(admin, id + " as expected", () -> plugin(admin, id).filter(condition).isPresent());
    return plugin(admin, id).orElseThrow();
  }

  private static void await(Http admin, String what, java.util.function.BooleanSupplier done) {
    Instant deadline = Instant.now().plus(PICK_UP_TIMEOUT);
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "not picked up within "
                + PICK_UP_TIMEOUT
                + ": "
                + what
                + "; plugins at "
                + admin.base()
                + ": "
                + admin.get("api/admin/plugins").body());
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static java.util.List<String> procedureIds(Http admin) {
    return StreamSupport.stream(ok(admin.get("api/admin/procedures")).spliterator(), false)
        .map(p -> p.path("id").asText())
        .toList();
  }
}
