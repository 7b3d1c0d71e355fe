package ma.rokhsa.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import ma.rokhsa.it.support.CrashCycles;
import ma.rokhsa.it.support.CrashCycles.Deposit;
import ma.rokhsa.it.support.Http;
import ma.rokhsa.it.support.PayaraProcess;
import ma.rokhsa.it.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Three real nodes behind HAProxy (Debian's, started with the shipped {@code
 * platform/server/deploy/haproxy.cfg}) on one PostgreSQL database and one shared content store
 * (issue 14): four clients deposit through the balancer while one node is killed with {@code kill
 * -9} and started again. Afterwards every deposit that got its 201 is found with its files,
 * references are unique and gapless per tenant and year, each deposit's notice reached the SMTP
 * server exactly once, the legal clock ran once per period, and every node's own search index finds
 * every dossier.
 *
 * <p>On PostgreSQL only ({@code ROKHSA_DB_URL}, as CI's second stage): a cluster shares a database
 * server, which the embedded default is not.
 */
@EnabledIf("ma.rokhsa.it.support.TestDatabase#isPostgresql")
class ClusterIT {

  private static final Duration CLOCK = Duration.ofSeconds(3);
  private static final Duration TIMEOUT = Duration.ofMinutes(4);
  private static final int CLIENTS = 4;
  private static final String PASSWORD = "cluster-password-0123";

  private final List<Deposit> acknowledged = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, AtomicInteger> servedBy = new ConcurrentHashMap<>();
  private final AtomicInteger abandoned = new AtomicInteger();
  private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());

  @Test
  void depositsThroughTheBalancerLoseNothingWhenANodeIsKilledAndStartedAgain() throws Exception {
    Path root = Path.of(System.getProperty("rokhsa.it.dir", "target/it-data"), "cluster");
    Files.createDirectories(root);
    root = Files.createTempDirectory(root, "run-");
    String adminPassword = System.getProperty("rokhsa.it.admin-password");
    int smtpPort = PayaraProcess.freePort();
    GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
    smtp.start();
    String database = TestDatabase.ownPostgresqlUrl(root).orElseThrow();
    Path content = Files.createDirectories(root.resolve("shared-content"));

    Map<String, String> env = new HashMap<>();
    env.put("ROKHSA_DB_URL", database);
    env.put("ROKHSA_ADMIN_INITIAL_PASSWORD", adminPassword);
    env.put("ROKHSA_STORAGE_KIND", "shared");
    env.put("ROKHSA_STORAGE_DIR", content.toAbsolutePath().toString());
    env.put("ROKHSA_HTTP_TRUSTED_PROXIES", "127.0.0.1");
    // One public address for the cluster, the balancer's: the issuer of every node's tokens.
    int lbPort = PayaraProcess.freePort();
    env.put("ROKHSA_PUBLIC_URL", "http://127.0.0.1:" + lbPort + "/");
    env.put("ROKHSA_DOSSIERS_CLOCK_INTERVAL", CLOCK.toString());
    env.put("ROKHSA_MAIL_HOST", "127.0.0.1");
    env.put("ROKHSA_MAIL_PORT", Integer.toString(smtpPort));
    env.put("ROKHSA_MAIL_FROM", "Rokhsa <no-reply@rokhsa.test>");
    env.put("ROKHSA_MAIL_TIMEOUT", "PT3S");
    env.put("ROKHSA_OUTBOX_POLL_INTERVAL", "PT0.2S");
    env.put("ROKHSA_OUTBOX_LEASE", "PT10S");

    Path war = Path.of(System.getProperty("rokhsa.war"));
    int[] ports = {PayaraProcess.freePort(), PayaraProcess.freePort(), PayaraProcess.freePort()};
    List<Path> data = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      data.add(Files.createDirectories(root.resolve("node-" + i)));
    }
    List<PayaraProcess> nodes = new ArrayList<>(Collections.nCopies(3, null));
    Process haproxy = null;
    try {
      // The first node migrates the empty database; the two others start together after it.
      nodes.set(0, PayaraProcess.launch("cluster", data.get(0), env, war, ports[0]));
      nodes.get(0).awaitBoot();
      nodes.set(1, PayaraProcess.launch("cluster", data.get(1), env, war, ports[1]));
      nodes.set(2, PayaraProcess.launch("cluster", data.get(2), env, war, ports[2]));
      for (PayaraProcess node : nodes) {
        node.awaitBoot();
        node.awaitReady(TIMEOUT);
      }
      Instant clusterUp = Instant.now();

      haproxy = haproxy(root, lbPort, ports);
      Http balancer = new Http(URI.create("http://127.0.0.1:" + lbPort + "/"));
      awaitInRotation(balancer, Set.of("node1", "node2", "node3"));

      // Through the balancer: the region opened, applicants and the commune's agent made.
      Http national = balancer.signIn("admin", adminPassword);
      ok(national.post("api/admin/rollout/regions/06/enable?dryRun=false", ""), 200);
      String run = Long.toString(System.nanoTime(), 36);
      Map<String, String> applicants = new LinkedHashMap<>();
      for (int i = 0; i < CLIENTS; i++) {
        applicants.put("cl-" + i + "-" + run, PASSWORD);
        account(national, "cl-" + i + "-" + run, "{\"role\": \"APPLICANT\"}");
      }
      String agent = "cl-agent-" + run;
      account(
          national,
          agent,
          "{\"role\": \"GUICHET_AGENT\", \"tenant\": \"" + CrashCycles.TENANT + "\"}");

      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> clients = new ArrayList<>();
      int seed = 0;
      for (Map.Entry<String, String> applicant : applicants.entrySet()) {
        Random random = new Random(seed++);
        Thread client =
            new Thread(
                () -> depositUntil(balancer, applicant.getKey(), random, stop),
                "cluster-client-" + applicant.getKey());
        client.start();
        clients.add(client);
      }

      // Deposits flow; node 2 is killed mid-deposit; they flow on through the two others.
      awaitAcknowledged(8);
      String victim = nodeName(nodes.get(1));
      nodes.get(1).kill();
      Instant killedAt = Instant.now();
      int atKill = acknowledged.size();
      awaitAcknowledged(atKill + 8);
      // Node 2 starts again on its data directory and port; the balancer sends to it again.
      int servedBeforeRestart = served("node2");
      nodes.set(1, PayaraProcess.launch("cluster", data.get(1), env, war, ports[1]));
      nodes.get(1).awaitBoot();
      nodes.get(1).awaitReady(TIMEOUT);
      await("node 2 back in rotation", () -> served("node2") > servedBeforeRestart + 3);
      awaitAcknowledged(acknowledged.size() + 4);
      stop.set(true);
      for (Thread client : clients) {
        client.join(TIMEOUT.toMillis());
      }
      Instant flowEnded = Instant.now();
      System.out.printf(
          "ClusterIT: %d deposits acknowledged (%d at the kill), %d abandoned on a node's death;"
              + " answers per node %s%n",
          acknowledged.size(), atKill, abandoned.get(), servedBy);
      assertThat(unexpected).as("answers no client should get from the cluster").isEmpty();
      assertThat(served("node1")).isPositive();
      assertThat(served("node3")).isPositive();

      // 1. Every acknowledged deposit is found, with its files, through the balancer.
      Map<String, Http> owners = new HashMap<>();
      applicants.forEach((user, password) -> owners.put(user, balancer.signIn(user, password)));
      for (Deposit deposit : acknowledged) {
        Optional<String> missing =
            CrashCycles.whatIsMissing(balancer, owners.get(deposit.owner()), deposit);
        assertThat(missing).as("acknowledged deposit %s", deposit).isEmpty();
      }

      // 2. References: unique, gapless per tenant and year, the acknowledged among them.
      Map<String, String> references = references(database);
      assertThat(references.values())
          .as("each reference is its dossier's alone")
          .doesNotHaveDuplicates();
      Map<String, List<Integer>> numbers = new TreeMap<>();
      references.keySet().stream()
          .map(reference -> reference.split("-"))
          .forEach(
              parts ->
                  numbers
                      .computeIfAbsent(parts[parts.length - 2], y -> new ArrayList<>())
                      .add(Integer.parseInt(parts[parts.length - 1])));
      numbers.forEach(
          (year, taken) -> {
            Collections.sort(taken);
            assertThat(taken)
                .as("the references of %s in %s, gapless from 1", CrashCycles.TENANT, year)
                .isEqualTo(
                    java.util.stream.IntStream.rangeClosed(1, taken.size()).boxed().toList());
          });
      for (Deposit deposit : acknowledged) {
        assertThat(references).containsEntry(deposit.reference(), deposit.dossierId());
      }

      // 3. Each deposited dossier's notice reached the SMTP server exactly once, even those whose
      // notification the killed node had leased: once the lease expired, another node sent it.
      await(
          "the outbox drained",
          () ->
              ok(national.get("api/admin/outbox"), 200).path("counts").path("PENDING").asLong()
                  == 0);
      Thread.sleep(Duration.ofSeconds(2).toMillis()); // a late duplicate would show by now
      Map<String, Integer> notices = new HashMap<>();
      for (MimeMessage message : smtp.getReceivedMessages()) {
        String subject = subject(message);
        references.keySet().stream()
            .filter(subject::contains)
            .forEach(reference -> notices.merge(reference, 1, Integer::sum));
      }
      for (String reference : references.keySet()) {
        assertThat(notices.getOrDefault(reference, 0))
            .as("notices of the deposit of %s", reference)
            .isEqualTo(1);
      }

      // 4. The legal clock: never two passes for one period, on whichever node claimed it; the
      // nodes left take over from the killed one. (A period no node looked at in time — a node
      // starved of CPU — is skipped, which is harmless: each pass recounts from the dossiers.)
      List<Pass> passes = passes(database, clusterUp, flowEnded);
      System.out.printf(
          "ClusterIT: %d legal clock passes for %d periods%n",
          passes.size(), Duration.between(clusterUp, flowEnded).dividedBy(CLOCK));
      assertThat(passes).isNotEmpty();
      assertThat(passes.stream().map(Pass::period).distinct().count())
          .as("one pass per period at most: %s", passes)
          .isEqualTo(passes.size());
      assertThat(passes)
          .allSatisfy(pass -> assertThat(pass.period().toEpochMilli() % CLOCK.toMillis()).isZero());
      assertThat(passes.stream().map(Pass::node).distinct().count())
          .as("passes run by several nodes")
          .isGreaterThanOrEqualTo(2);
      assertThat(passes)
          .as("after the kill, the passes are the other nodes'")
          .filteredOn(pass -> pass.period().isAfter(killedAt))
          .isNotEmpty()
          .noneMatch(pass -> pass.node().equals(victim));
      assertThat(passes)
          .as("only the killed node may have left a pass unfinished: %s", passes)
          .filteredOn(pass -> pass.finished() == null)
          .hasSizeLessThanOrEqualTo(1)
          .allMatch(pass -> pass.node().equals(victim));

      // 5. Every node's own index finds every dossier of the commune, the restarted one too.
      long deposited = references.size();
      for (int i = 0; i < 3; i++) {
        Http direct = new Http(URI.create("http://127.0.0.1:" + ports[i] + "/"));
        Http onNode = direct.signIn(agent, PASSWORD);
        await(
            "node " + (i + 1) + " finds every deposited dossier",
            () -> onNode.get("api/search?size=1").status() == 200 && total(onNode) == deposited);
        SearchIT.awaitCountsMatch(direct.signIn("admin", adminPassword), TIMEOUT);
      }
    } finally {
      if (haproxy != null) {
        haproxy.destroy();
        haproxy.waitFor(10, TimeUnit.SECONDS);
      }
      for (PayaraProcess node : nodes) {
        if (node != null) {
          node.close();
        }
      }
      smtp.stop();
    }
  }

  /** The name a node claims scheduled passes under, as its log states it at start. */
  private static String nodeName(PayaraProcess node) {
    java.util.regex.Matcher name =
        java.util.regex.Pattern.compile("across the nodes; (\\S+) looks").matcher(node.log());
    assertThat(name.find()).as("the node logs its name").isTrue();
    return name.group(1);
  }

  /** Debian's HAProxy with the shipped configuration, the nodes' addresses in its environment. */
  private static Process haproxy(Path root, int port, int[] nodes) throws IOException {
    Path config = PayaraProcess.root().resolve("platform/server/deploy/haproxy.cfg");
    ProcessBuilder builder =
        new ProcessBuilder(
                Files.isExecutable(Path.of("/usr/sbin/haproxy")) ? "/usr/sbin/haproxy" : "haproxy",
                "-db",
                "-f",
                config.toString())
            .redirectErrorStream(true)
            .redirectOutput(root.resolve("haproxy.log").toFile());
    builder.environment().put("ROKHSA_LB_BIND", "127.0.0.1:" + port);
    builder.environment().put("ROKHSA_LB_STATS", "127.0.0.1:" + PayaraProcess.freePort());
    for (int i = 0; i < nodes.length; i++) {
      builder.environment().put("ROKHSA_NODE" + (i + 1), "127.0.0.1:" + nodes[i]);
    }
    return builder.start();
  }

  /**
   * Waits until the balancer has sent requests to each of these nodes (its health checks passed).
   */
  private void awaitInRotation(Http balancer, Set<String> expected) {
    Set<String> seen = new HashSet<>();
    await(
        "every node in the balancer's rotation",
        () -> {
          try {
            Http.Response ready = balancer.get("health/ready");
            if (ready.status() == 200 && ready.header("X-Rokhsa-Node") != null) {
              seen.add(ready.header("X-Rokhsa-Node"));
            }
          } catch (UncheckedIOException notListeningYet) {
            // HAProxy is starting
          }
          return seen.containsAll(expected);
        });
  }

  /**
   * Deposits one permis de construire after another until told to stop, as a patient client does: a
   * step whose request was refused, reset, or answered 502/503/504 by the balancer is sent again
   * (the submission with its Idempotency-Key, so never twice); a deposit that cannot go on is
   * abandoned, unacknowledged.
   */
  private void depositUntil(Http balancer, String user, Random random, AtomicBoolean stop) {
    Http applicant = patiently(() -> balancer.signIn(user, PASSWORD));
    while (!stop.get()) {
      try {
        deposit(applicant, user, random);
      } catch (Abandoned e) {
        abandoned.incrementAndGet();
      }
    }
  }

  private void deposit(Http applicant, String user, Random random) {
    String dossiers = "api/tenants/" + CrashCycles.TENANT + "/dossiers";
    Http.Response draft =
        step(
            () ->
                applicant.post(
                    dossiers,
                    "{\"procedure\": \"permis-de-construire\", \"applicantName\": \"Karim"
                        + " Benali\", \"contactEmail\": \"cluster@example.ma\", \"values\": "
                        + CrashCycles.VALUES
                        + "}"),
            201);
    String id = draft.json().path("id").asText();
    Map<String, String> hashes = new LinkedHashMap<>();
    for (String document : CrashCycles.DOCUMENTS) {
      byte[] pdf = CrashCycles.pdf(2048, random);
      step(
          () ->
              applicant.upload(
                  dossiers + "/" + id + "/attachments?document=" + document,
                  document + ".pdf",
                  pdf),
          201);
      hashes.put(document, CrashCycles.sha256(pdf));
    }
    HttpRequest submission =
        applicant
            .request(dossiers + "/" + id + "/submission")
            .header("Idempotency-Key", id)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    JsonNode submitted = step(() -> applicant.send(submission), 201).json();
    acknowledged.add(
        new Deposit(
            user,
            id,
            submitted.path("reference").asText(),
            submitted.path("trackingCode").asText(),
            hashes));
  }

  /**
   * One request, sent again while the cluster could not take it; any other answer than {@code
   * expected} abandons the deposit (and is unexpected unless it follows a lost answer).
   */
  private Http.Response step(Supplier<Http.Response> request, int expected) {
    boolean lostAnAnswer = false;
    for (int attempt = 0; attempt < 20; attempt++) {
      Http.Response response;
      try {
        response = request.get();
      } catch (UncheckedIOException refusedOrReset) {
        lostAnAnswer = true;
        pause();
        continue;
      }
      String node = response.header("X-Rokhsa-Node");
      if (node != null) {
        servedBy.computeIfAbsent(node, n -> new AtomicInteger()).incrementAndGet();
      }
      if (response.status() == expected) {
        return response;
      }
      if (response.status() == 502 || response.status() == 503 || response.status() == 504) {
        lostAnAnswer = true;
        pause();
        continue;
      }
      if (!lostAnAnswer) {
        unexpected.add(
            response.raw().request().method() + " " + response.raw().uri() + ": " + response);
      }
      throw new Abandoned();
    }
    throw new Abandoned();
  }

  private static <T> T patiently(Supplier<T> call) {
    RuntimeException last = null;
    for (int attempt = 0; attempt < 50; attempt++) {
      try {
        return call.get();
      } catch (RuntimeException | AssertionError e) {
        last = e instanceof RuntimeException r ? r : new IllegalStateException(e);
        pause();
      }
    }
    throw last;
  }

  /** A deposit its client gave up: nothing was acknowledged for it. */
  private static final class Abandoned extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Abandoned() {
      super(null, null, false, false);
    }
  }

  private int served(String node) {
    AtomicInteger count = servedBy.get(node);
    return count == null ? 0 : count.get();
  }

  private void awaitAcknowledged(int count) {
    await(count + " deposits acknowledged", () -> acknowledged.size() >= count);
  }

  private static long total(Http agent) {
    Http.Response page = agent.get("api/search?size=1");
    return page.status() == 200 ? page.json().path("total").asLong() : -1;
  }

  private static void account(Http national, String username, String grant) {
    ok(
        national.post(
            "api/admin/accounts",
            "{\"username\": \""
                + username
                + "\", \"displayName\": \""
                + username
                + "\", \"password\": \""
                + PASSWORD
                + "\", \"grants\": ["
                + grant
                + "]}"),
        201);
  }

  /** Reference → dossier of every deposited dossier of the commune, read from the database. */
  private static Map<String, String> references(String url) throws SQLException {
    Map<String, String> references = new LinkedHashMap<>();
    try (Connection c = connect(url);
        PreparedStatement select =
            c.prepareStatement(
                "select reference, id from dossier where tenant_id = ? and reference is not null")) {
      select.setString(1, CrashCycles.TENANT);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          references.put(rows.getString(1), rows.getString(2));
        }
      }
    }
    return references;
  }

  private record Pass(Instant period, String node, OffsetDateTime finished) {}

  /** The legal clock's passes of the periods wholly within [from, to). */
  private static List<Pass> passes(String url, Instant from, Instant to) throws SQLException {
    List<Pass> passes = new ArrayList<>();
    try (Connection c = connect(url);
        PreparedStatement select =
            c.prepareStatement(
                "select period_start, node, finished_at from scheduled_pass"
                    + " where job = 'legal-clock' and period_start >= ? and period_start < ?"
                    + " order by period_start")) {
      select.setObject(1, OffsetDateTime.ofInstant(from.plus(CLOCK), java.time.ZoneOffset.UTC));
      select.setObject(2, OffsetDateTime.ofInstant(to.minus(CLOCK), java.time.ZoneOffset.UTC));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          passes.add(
              new Pass(
                  rows.getObject(1, OffsetDateTime.class).toInstant(),
                  rows.getString(2),
                  rows.getObject(3, OffsetDateTime.class)));
        }
      }
    }
    return passes;
  }

  private static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(
        url,
        System.getenv().getOrDefault("ROKHSA_DB_USER", "rokhsa"),
        System.getenv().getOrDefault("ROKHSA_DB_PASSWORD", ""));
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode ok(Http.Response response, int status) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    return response.json();
  }

  private static void await(String what, BooleanSupplier done) {
    Instant deadline = Instant.now().plus(TIMEOUT);
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within " + TIMEOUT + ": " + what);
      }
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
