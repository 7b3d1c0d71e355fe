package ma.rokhsa.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import ma.rokhsa.it.support.CrashCycles;

/**
 * Deposits per second through the HTTP API of a running server, side by side with a baseline in the
 * same run. Each scenario runs {@code workers} concurrent clients for a warm-up, then a measured
 * period; every operation's latency is kept and reported as p50/p99.
 *
 * <ul>
 *   <li>{@code baseline} — GET /api/version: what the server and the HTTP stack cost alone;
 *   <li>{@code draft} — POST a draft permis de construire (form metadata only);
 *   <li>{@code deposit-metadata} — a whole deposit: draft, its five documents as small (1 KB) PDFs,
 *       submission with an Idempotency-Key;
 *   <li>{@code deposit-2mb} — the same with the architectural plans as a 2 MB PDF.
 * </ul>
 *
 * <p>Every file is made unique (random bytes in its body), so the content store writes each one.
 *
 * <pre>
 * java ma.rokhsa.bench.DepositLoad http://127.0.0.1:8080/ admin-password tenant workers warmupS measureS
 * </pre>
 */
public final class DepositLoad {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A complete permis de construire, and its five required documents: as the crash soak deposits.
   */
  private static final String VALUES = CrashCycles.VALUES;

  private static final List<String> DOCUMENTS = CrashCycles.DOCUMENTS;

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final String tenant;
  private String token;

  private DepositLoad(URI base, String tenant) {
    this.base = base;
    this.tenant = tenant;
  }

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/");
    String adminPassword = args[1];
    String tenant = args.length > 2 ? args[2] : "06.181.01.05";
    int workers = args.length > 3 ? Integer.parseInt(args[3]) : 8;
    Duration warmup = Duration.ofSeconds(args.length > 4 ? Long.parseLong(args[4]) : 10);
    Duration measure = Duration.ofSeconds(args.length > 5 ? Long.parseLong(args[5]) : 30);

    DepositLoad load = new DepositLoad(base, tenant);
    load.prepare(adminPassword);
    System.out.printf(
        Locale.ROOT,
        "%d workers, %d s warm-up, %d s measured, tenant %s, %s%n%n",
        workers,
        warmup.toSeconds(),
        measure.toSeconds(),
        tenant,
        base);
    System.out.println("| scenario | operations | per second | p50 (ms) | p99 (ms) | errors |");
    System.out.println("|---|---|---|---|---|---|");
    load.run("baseline: GET /api/version", workers, warmup, measure, c -> load.version());
    load.run("draft (metadata only)", workers, warmup, measure, c -> load.draft());
    load.run("deposit, metadata + 5 × 1 KB PDF", workers, warmup, measure, c -> load.deposit(1024));
    load.run(
        "deposit, with a 2 MB PDF", workers, warmup, measure, c -> load.deposit(2 * 1024 * 1024));
  }

  private void prepare(String adminPassword) throws IOException, InterruptedException {
    String admin = signIn("admin", adminPassword);
    expect(
        send(
            post(
                "api/admin/rollout/regions/" + tenant.substring(0, 2) + "/enable?dryRun=false",
                admin,
                "")),
        200);
    String user = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "bench-password-" + user;
    expect(
        send(
            post(
                "api/admin/accounts",
                admin,
                "{\"username\": \""
                    + user
                    + "\", \"displayName\": \"Bench\", \"password\": \""
                    + password
                    + "\", \"grants\": [{\"role\": \"APPLICANT\"}]}")),
        201);
    token = signIn(user, password);
  }

  private String signIn(String user, String password) throws IOException, InterruptedException {
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(base.resolve("api/auth/token"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\": \"" + user + "\", \"password\": \"" + password + "\"}"))
                .build());
    expect(r, 200);
    return JSON.readTree(r.body()).path("accessToken").asText();
  }

  private void version() throws IOException, InterruptedException {
    expect(send(HttpRequest.newBuilder(base.resolve("api/version")).GET().build()), 200);
  }

  private String draft() throws IOException, InterruptedException {
    HttpResponse<String> r =
        send(
            post(
                "api/tenants/" + tenant + "/dossiers",
                token,
                "{\"procedure\": \"permis-de-construire\", \"applicantName\": \"Karim Benali\","
                    + " \"contactEmail\": \"k@example.ma\", \"values\": "
                    + VALUES
                    + "}"));
    expect(r, 201);
    return JSON.readTree(r.body()).path("id").asText();
  }

  private void deposit(int plansBytes) throws IOException, InterruptedException {
    String id = draft();
    String dossier = "api/tenants/" + tenant + "/dossiers/" + id;
    for (String document : DOCUMENTS) {
      int size = document.equals("plans-architecturaux") ? plansBytes : 1024;
      expect(send(upload(dossier + "/attachments?document=" + document, pdf(size))), 201);
    }
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(base.resolve(dossier + "/submission"))
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", id)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    expect(r, 201);
  }

  private HttpRequest post(String path, String bearer, String json) {
    return HttpRequest.newBuilder(base.resolve(path))
        .header("Authorization", "Bearer " + bearer)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  private HttpRequest upload(String path, byte[] content) {
    String boundary = "bench-" + UUID.randomUUID();
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    return HttpRequest.newBuilder(base.resolve(path))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail)))
        .build();
  }

  /** A PDF-looking file of {@code size} bytes whose body is random: unique, so stored. */
  private static byte[] pdf(int size) {
    return CrashCycles.pdf(size, ThreadLocalRandom.current());
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static void expect(HttpResponse<String> r, int status) {
    if (r.statusCode() != status) {
      throw new IllegalStateException(
          r.request().method() + " " + r.uri() + " → " + r.statusCode() + ": " + r.body());
    }
  }

  /** An operation run in a loop by each worker. */
  @FunctionalInterface
  interface Operation {
    void run(int worker) throws Exception;
  }

  private void run(String name, int workers, Duration warmup, Duration measure, Operation op)
      throws Exception {
    loop(workers, warmup, op, latency -> {});
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    int errors = loop(workers, measure, op, latencies::add);
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "| %s | %d | %.1f | %.1f | %.1f | %d |%n",
        name,
        sorted.size(),
        sorted.size() / seconds,
        percentile(sorted, 0.50),
        percentile(sorted, 0.99),
        errors);
  }

  private static double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
  }

  private static int loop(int workers, Duration duration, Operation op, Consumer<Long> latency)
      throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    List<Future<Integer>> results = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      int worker = w;
      results.add(
          pool.submit(
              () -> {
                int errors = 0;
                while (running.get()) {
                  long t0 = System.nanoTime();
                  try {
                    op.run(worker);
                    latency.accept(System.nanoTime() - t0);
                  } catch (Exception e) {
                    if (errors++ == 0) {
                      System.err.println("error: " + e.getMessage());
                    }
                  }
                }
                return errors;
              }));
    }
    Thread.sleep(duration.toMillis());
    running.set(false);
    int errors = 0;
    for (Future<Integer> f : results) {
      errors += f.get();
    }
    pool.shutdown();
    return errors;
  }
}
