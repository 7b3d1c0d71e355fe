package ma.rokhsa.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Deposits from several clients into a real node, which is killed with {@code kill -9} at a random
 * moment and started again with the same data and unpack directories, cycle after cycle; then
 * checks what the platform acknowledged against what it kept. Used by {@code CrashRestartIT} (a few
 * cycles) and by the soak of {@code platform/server/bench/crash-soak.sh} (hundreds).
 *
 * <p>What it holds the platform to (each breach is a {@link Report#violations() violation}):
 *
 * <ul>
 *   <li>each start deploys the application once (its log says "successfully deployed" once);
 *   <li>before the node is ready, every answer to {@code /api/…} is a refused connection or a 503
 *       {@code application/problem+json};
 *   <li>once {@code /health/ready} first says UP, every sign-in and every deposit succeeds until
 *       the next kill;
 *   <li>every deposit that got its 201 is found afterwards by public tracking with its code, with
 *       its files, byte for byte; no reference is given to two dossiers.
 * </ul>
 *
 * <p>Whoever runs it owns the server it starts: {@link #run} stops it (SIGTERM) before returning.
 */
public final class CrashCycles {

  /** The commune the deposits go to: Lbir Jdid (El Jadida province, region 06). */
  public static final String TENANT = "06.181.01.05";

  /** The documents a permis de construire requires. */
  public static final List<String> DOCUMENTS =
      List.of(
          "demande",
          "certificat-propriete",
          "plan-situation",
          "plan-masse",
          "plans-architecturaux");

  /** A complete permis de construire form. */
  public static final String VALUES =
      "{\"qualite\": \"proprietaire\", \"nom_demandeur\": \"Karim Benali\", \"cin\": \"JA123456\","
          + " \"telephone\": \"0661234567\", \"nom_architecte\": \"Salma Idrissi\","
          + " \"numero_ordre\": \"4821\", \"titre_foncier\": \"T12345/19\","
          + " \"adresse_terrain\": \"Lotissement Al Wifaq, lot 42\", \"surface_terrain\": 200,"
          + " \"zonage\": \"villa\", \"nature\": \"construction\", \"usage\": \"habitation\","
          + " \"etablissement_recevant_public\": false, \"emprise_au_sol\": 120,"
          + " \"surface_plancher_totale\": 240, \"hauteur\": 8.5, \"niveaux\": ["
          + "{\"niveau\": \"RDC\", \"surface_niveau\": 120, \"logements\": 1},"
          + " {\"niveau\": \"R+1\", \"surface_niveau\": 120, \"logements\": 1}]}";

  private final String name;
  private final Path dataDir;
  private final Map<String, String> env;
  private final String adminPassword;
  private final Random random;
  private final Consumer<String> progress;
  private final int port;

  private final List<Deposit> acknowledged = Collections.synchronizedList(new ArrayList<>());
  private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
  private final List<Duration> crashRestarts = new ArrayList<>();
  private final List<Duration> cleanRestarts = new ArrayList<>();
  private final Map<String, String> applicants = new LinkedHashMap<>();

  /**
   * @param name the server's work directory under the integration data directory
   * @param dataDir the platform's data directory, kept across every restart
   * @param env the server's environment (its initial admin password among it)
   * @param seed makes the kill moments reproducible
   * @param progress told one line per cycle
   */
  public CrashCycles(
      String name,
      Path dataDir,
      Map<String, String> env,
      String adminPassword,
      long seed,
      Consumer<String> progress) {
    this.name = name;
    this.dataDir = dataDir;
    this.env = env;
    this.adminPassword = adminPassword;
    this.random = new Random(seed);
    this.progress = progress;
    try {
      this.port = PayaraProcess.freePort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A deposit the platform acknowledged with its 201. */
  public record Deposit(
      String owner, String dossierId, String reference, String code, Map<String, String> sha256) {}

  /**
   * What the cycles showed.
   *
   * @param lost acknowledged deposits not found afterwards
   * @param repeatedReferences references acknowledged for more than one dossier
   */
  public record Report(
      int cycles,
      int acknowledged,
      int lost,
      int repeatedReferences,
      List<Duration> crashRestarts,
      List<Duration> cleanRestarts,
      List<String> violations) {}

  /**
   * Starts the node, then {@code cycles} times: {@code clients} clients deposit, the node is killed
   * at a random moment (within {@code maxRun} of the first few deposits acknowledged), and started
   * again; {@code cleanRestarts} restarts after a SIGTERM are spread evenly between the cycles, so
   * that both kinds of start are timed under the same load on the machine; then everything
   * acknowledged is checked.
   */
  public Report run(int cycles, int clients, Duration maxRun, int cleanRestartCount) {
    Path war = Path.of(System.getProperty("rokhsa.war"));
    PayaraProcess server = startAndWatch(war, null);
    try {
      prepare(server, clients);
      for (int cycle = 1; cycle <= cycles; cycle++) {
        int before = acknowledged.size();
        depositUntilKilled(server, clients, maxRun);
        long started = System.nanoTime();
        server = startAndWatch(war, crashRestarts);
        // What this cycle acknowledged is looked for at once, so that a long soak stopped early
        // still says what it proved; everything is looked for again at the end.
        List<Deposit> cycleDeposits =
            List.copyOf(acknowledged.subList(before, acknowledged.size()));
        int[] cycleOutcome = verify(server, cycleDeposits);
        progress.accept(
            "cycle "
                + cycle
                + "/"
                + cycles
                + ": "
                + (acknowledged.size() - before)
                + " deposits acknowledged before the kill, ready again in "
                + Duration.ofNanos(System.nanoTime() - started).toMillis()
                + " ms; "
                + (cycleDeposits.size() - cycleOutcome[0])
                + " of them found after the restart; "
                + acknowledged.size()
                + " acknowledged in all; "
                + violations.size()
                + " violation(s) so far");
        if (cleanRestartCount > 0
            && cycle % Math.max(1, cycles / cleanRestartCount) == 0
            && cleanRestarts.size() < cleanRestartCount) {
          server.stop();
          server = startAndWatch(war, cleanRestarts);
        }
      }
      while (cleanRestarts.size() < cleanRestartCount) {
        server.stop();
        server = startAndWatch(war, cleanRestarts);
      }
      int[] outcome = verify(server, List.copyOf(acknowledged));
      return new Report(
          cycles,
          acknowledged.size(),
          outcome[0],
          outcome[1],
          List.copyOf(crashRestarts),
          List.copyOf(cleanRestarts),
          List.copyOf(violations));
    } finally {
      server.close();
    }
  }

  /**
   * Launches the node and probes it until {@code /health/ready} first says UP: every answer to the
   * API before that must be a refused connection or a 503 problem. Records the time to ready.
   */
  private PayaraProcess startAndWatch(Path war, List<Duration> times) {
    long started = System.nanoTime();
    PayaraProcess server = PayaraProcess.launch(name, dataDir, env, war, port);
    Http http = server.http();
    Duration limit = Duration.ofSeconds(Long.getLong("rokhsa.it.boot-timeout-seconds", 300));
    while (true) {
      if (!server.isAlive()) {
        throw new AssertionError("the server exited while starting:\n" + server.tail());
      }
      if (Duration.ofNanos(System.nanoTime() - started).compareTo(limit) > 0) {
        server.kill();
        throw new AssertionError("not ready within " + limit + ":\n" + server.tail());
      }
      probe(http, "GET /api/version", () -> http.get("api/version"));
      probe(
          http,
          "POST /api/auth/token",
          () -> http.post("api/auth/token", "{\"username\": \"x\", \"password\": \"y\"}"));
      if (ready(http)) {
        break;
      }
      sleep(Duration.ofMillis(100));
    }
    if (times != null) {
      times.add(Duration.ofNanos(System.nanoTime() - started));
    }
    server.awaitBoot();
    long deployments =
        server.log().lines().filter(line -> line.contains("was successfully deployed")).count();
    if (deployments != 1) {
      violations.add(
          "start logged in " + server.logFile() + " deployed the application " + deployments + "×");
    }
    return server;
  }

  private void probe(Http http, String what, java.util.function.Supplier<Http.Response> call) {
    Http.Response answer;
    try {
      answer = call.get();
    } catch (UncheckedIOException refusedOrReset) {
      return;
    }
    if (ready(http)) {
      return; // it became ready between the two requests: any answer is legitimate now
    }
    boolean problem503 =
        answer.status() == 503 && answer.contentType().startsWith("application/problem+json");
    if (!problem503) {
      violations.add(
          "before ready, "
              + what
              + " answered "
              + answer.status()
              + " "
              + answer.contentType()
              + ": "
              + abbreviate(answer.body()));
    }
  }

  private static boolean ready(Http http) {
    try {
      return http.get("health/ready").status() == 200;
    } catch (UncheckedIOException notYet) {
      return false;
    }
  }

  private void prepare(PayaraProcess server, int clients) {
    Http admin = server.http().signIn("admin", adminPassword);
    Http.Response enabled =
        admin.post(
            "api/admin/rollout/regions/" + TENANT.substring(0, 2) + "/enable?dryRun=false", "");
    if (enabled.status() != 200) {
      throw new AssertionError("rollout of region 06: " + enabled);
    }
    for (int i = 0; i < clients; i++) {
      String user = "crash-" + UUID.randomUUID().toString().substring(0, 8);
      String password = "crash-password-" + user;
      Http.Response created =
          admin.post(
              "api/admin/accounts",
              "{\"username\": \""
                  + user
                  + "\", \"displayName\": \"Crash "
                  + i
                  + "\", \"password\": \""
                  + password
                  + "\", \"grants\": [{\"role\": \"APPLICANT\"}]}");
      if (created.status() != 201) {
        throw new AssertionError("applicant account: " + created);
      }
      applicants.put(user, password);
    }
  }

  /**
   * Clients deposit until the node is killed: once each client's worth of deposits was
   * acknowledged, at a random moment within {@code maxRun}.
   */
  private void depositUntilKilled(PayaraProcess server, int clients, Duration maxRun) {
    AtomicBoolean killed = new AtomicBoolean();
    List<Thread> threads = new ArrayList<>();
    List<Map.Entry<String, String>> accounts = new ArrayList<>(applicants.entrySet());
    for (int i = 0; i < clients; i++) {
      Map.Entry<String, String> account = accounts.get(i % accounts.size());
      Thread client =
          new Thread(
              () -> depositWhileAlive(server.http(), account.getKey(), account.getValue(), killed),
              "crash-client-" + i);
      client.start();
      threads.add(client);
    }
    // Kill mid-deposit, once some deposits were acknowledged (however loaded the machine is).
    int before = acknowledged.size();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (acknowledged.size() < before + clients && System.nanoTime() < deadline) {
      sleep(Duration.ofMillis(50));
    }
    sleep(Duration.ofMillis((long) (random.nextDouble() * maxRun.toMillis())));
    killed.set(true);
    server.kill();
    for (Thread client : threads) {
      try {
        client.join(Duration.ofSeconds(60).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private void depositWhileAlive(
      Http anonymous, String user, String password, AtomicBoolean killed) {
    try {
      Http applicant = anonymous.signIn(user, password);
      while (!killed.get()) {
        deposit(applicant, user, killed);
      }
    } catch (UncheckedIOException | AssertionError failure) {
      if (!killed.get()) {
        violations.add("after ready, " + user + " could not deposit: " + failure.getMessage());
      }
    }
  }

  private void deposit(Http applicant, String user, AtomicBoolean killed) {
    Http.Response draft =
        applicant.post(
            "api/tenants/" + TENANT + "/dossiers",
            "{\"procedure\": \"permis-de-construire\", \"applicantName\": \"Karim Benali\","
                + " \"contactEmail\": \"k@example.ma\", \"values\": "
                + VALUES
                + "}");
    expect(draft, 201, killed);
    String id = draft.json().path("id").asText();
    String dossier = "api/tenants/" + TENANT + "/dossiers/" + id;
    Map<String, String> hashes = new LinkedHashMap<>();
    for (String document : DOCUMENTS) {
      byte[] pdf = pdf(1024);
      expect(
          applicant.upload(dossier + "/attachments?document=" + document, document + ".pdf", pdf),
          201,
          killed);
      hashes.put(document, sha256(pdf));
    }
    Http.Response submitted =
        applicant.send(
            applicant
                .request(dossier + "/submission")
                .header("Idempotency-Key", id)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    expect(submitted, 201, killed);
    JsonNode json = submitted.json();
    acknowledged.add(
        new Deposit(
            user, id, json.path("reference").asText(), json.path("trackingCode").asText(), hashes));
  }

  private static void expect(Http.Response response, int status, AtomicBoolean killed) {
    if (response.status() != status) {
      if (killed.get()) {
        throw new UncheckedIOException(new IOException("killed meanwhile: " + response.status()));
      }
      throw new AssertionError(
          response.raw().request().method()
              + " "
              + response.raw().uri()
              + " → "
              + response.status()
              + ": "
              + abbreviate(response.body()));
    }
  }

  /**
   * Every acknowledged deposit is found by public tracking with its code, and its owner finds its
   * files byte for byte; no reference belongs to two dossiers.
   *
   * @return lost deposits and repeated references
   */
  private int[] verify(PayaraProcess server, List<Deposit> deposits) {
    Http anonymous = server.http();
    Map<String, Http> owners = new HashMap<>();
    applicants.forEach((user, password) -> owners.put(user, anonymous.signIn(user, password)));
    Map<String, String> dossierOfReference = new HashMap<>();
    int repeated = 0;
    int lost = 0;
    for (Deposit deposit : deposits) {
      String previous = dossierOfReference.putIfAbsent(deposit.reference(), deposit.dossierId());
      if (previous != null && !previous.equals(deposit.dossierId())) {
        repeated++;
        violations.add(
            "reference "
                + deposit.reference()
                + " acknowledged for "
                + previous
                + " and "
                + deposit.dossierId());
      }
      if (!found(anonymous, owners.get(deposit.owner()), deposit)) {
        lost++;
      }
    }
    return new int[] {lost, repeated};
  }

  private boolean found(Http anonymous, Http owner, Deposit deposit) {
    Optional<String> missing = whatIsMissing(anonymous, owner, deposit);
    missing.ifPresent(why -> violations.add("lost: " + deposit + " — " + why));
    return missing.isEmpty();
  }

  /**
   * What of an acknowledged deposit cannot be found: public tracking with its code, its dossier by
   * its owner, each of its files byte for byte; empty if everything is there.
   */
  public static Optional<String> whatIsMissing(Http anonymous, Http owner, Deposit deposit) {
    Http.Response tracked =
        anonymous.get(
            "api/public/tracking?reference="
                + URLEncoder.encode(deposit.reference(), StandardCharsets.UTF_8)
                + "&code="
                + URLEncoder.encode(deposit.code(), StandardCharsets.UTF_8));
    if (tracked.status() != 200) {
      return Optional.of("tracking answered " + tracked.status());
    }
    String dossier = "api/tenants/" + TENANT + "/dossiers/" + deposit.dossierId();
    Http.Response file = owner.get(dossier);
    if (file.status() != 200
        || !deposit.reference().equals(file.json().path("reference").asText())) {
      return Optional.of("its dossier answered " + abbreviate(file.body()));
    }
    for (JsonNode attachment : file.json().path("attachments")) {
      String document = attachment.path("document").asText();
      String expected = deposit.sha256().get(document);
      if (expected == null || !attachment.path("supersededAt").isNull()) {
        continue;
      }
      HttpResponse<byte[]> bytes =
          owner.sendBytes(
              owner
                  .request(dossier + "/attachments/" + attachment.path("id").asLong())
                  .GET()
                  .build());
      if (bytes.statusCode() != 200 || !expected.equals(sha256(bytes.body()))) {
        return Optional.of("file " + document + " answered " + bytes.statusCode());
      }
    }
    long files =
        java.util.stream.StreamSupport.stream(file.json().path("attachments").spliterator(), false)
            .filter(a -> deposit.sha256().containsKey(a.path("document").asText()))
            .count();
    if (files < deposit.sha256().size()) {
      return Optional.of(files + " of its files listed");
    }
    return Optional.empty();
  }

  /** A PDF-looking file whose body is random: unique, so stored. */
  private byte[] pdf(int size) {
    return pdf(size, new Random(random.nextLong()));
  }

  /** A PDF-looking file of {@code size} bytes whose body comes from {@code random}. */
  public static byte[] pdf(int size, Random random) {
    byte[] head = "%PDF-1.4\n%".getBytes(StandardCharsets.US_ASCII);
    byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    byte[] pdf = new byte[size];
    random.nextBytes(pdf);
    System.arraycopy(head, 0, pdf, 0, head.length);
    System.arraycopy(tail, 0, pdf, size - tail.length, tail.length);
    return pdf;
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String abbreviate(String text) {
    return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
