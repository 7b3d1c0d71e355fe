package ma.rokhsa.it;

import static ma.rokhsa.it.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ma.rokhsa.it.support.BadRequests;
import ma.rokhsa.it.support.Deployments;
import ma.rokhsa.it.support.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input, over the whole API: a generated test reads the running platform's OpenAPI document and
 * sends every operation bad requests made from its declared schemas (see {@link BadRequests}) as an
 * anonymous caller, an applicant, a commune's admin and the national admin. Any 5xx, any error that
 * is not {@code application/problem+json}, any row, stored file, audit entry or outbox message left
 * by a rejected request fails it, each failure printed as a curl line. A new endpoint is covered
 * with no new case. The known cases it found are pinned by plain tests below.
 *
 * <p>{@code -Drokhsa.it.bad-input.seed=…} and {@code -Drokhsa.it.bad-input.requests=…} replay
 * another run or send more.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadInputIT {

  /**
   * Ouled Ghanem, a commune of wave 1 under 50,000 inhabitants (active once region 06 is enabled)
   * that no other test class uses: the generated requests may create signatories and keys there.
   */
  static final String T = "06.181.05.05";

  static final long SEED = Long.getLong("rokhsa.it.bad-input.seed", 20_261_206L);
  static final int BUDGET = Integer.getInteger("rokhsa.it.bad-input.requests", 2_400);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * HTTP/1.1 only: bad requests go to the server as they are written, never through an HTTP/2
   * upgrade (which would answer an over-long head with a reset stream, not a status).
   */
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.platformWithProbes();
  }

  @ArquillianResource URL deployed;

  private static World world;

  record Caller(String name, String token) {
    String authorization() {
      return token == null ? null : "Bearer " + token;
    }
  }

  record World(
      URI base,
      Http anonymous,
      Http national,
      Http communeAdmin,
      Http applicant,
      List<Caller> callers,
      String dossier,
      long signatory) {}

  @BeforeEach
  void connect() throws Exception {
    synchronized (BadInputIT.class) {
      if (world == null) {
        URI uri = deployed.toURI();
        world =
            makeWorld(
                new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), "/", null, null));
      }
    }
  }

  static World makeWorld(URI base) {
    Http http = new Http(base);
    String run = Long.toString(System.currentTimeMillis(), 36);
    Http national = http.signIn("admin", System.getProperty("rokhsa.it.admin-password"));
    assertThat(national.post("api/admin/rollout/regions/06/enable?dryRun=false", "").status())
        .isEqualTo(200);
    Http communeAdmin = TenancyIT.account(http, national, "bad-admin-" + run, "TENANT_ADMIN", T);
    Http applicant = TenancyIT.account(http, national, "bad-demandeur-" + run, "APPLICANT", null);
    String dossier =
        TenancyIT.created(
                applicant.post(
                    "api/tenants/" + T + "/dossiers",
                    "{\"procedure\": \"permis-de-construire\", \"applicantName\": \"Karim"
                        + " Benali\", \"contactEmail\": \"k@example.ma\", \"values\": {}}"))
            .path("id")
            .asText();
    long signatory =
        TenancyIT.created(
                communeAdmin.post(
                    "api/tenants/" + T + "/signatories",
                    "{\"fullName\": \"Signataire\", \"title\": \"Président\"}"))
            .path("id")
            .asLong();
    List<Caller> callers =
        List.of(
            new Caller("anonymous", null),
            new Caller("applicant", token(applicant)),
            new Caller("commune admin", token(communeAdmin)),
            new Caller("national admin", token(national)));
    return new World(base, http, national, communeAdmin, applicant, callers, dossier, signatory);
  }

  private static String token(Http signedIn) {
    // The Http client keeps its token private: read it back from a request it builds.
    return signedIn
        .request("api/version")
        .build()
        .headers()
        .firstValue("Authorization")
        .orElseThrow()
        .substring("Bearer ".length());
  }

  // --- the generated test --------------------------------------------------------------------

  @Test
  void everyOperationAnswersBadInputWithAProblemAndStoresNothing() throws Exception {
    JsonNode openApi = JSON.readTree(openApiJson());
    BadRequests generator = new BadRequests(openApi, SEED, this::knownValue);
    // The test probes are not the platform's: they are left out.
    List<BadRequests.Operation> operations =
        generator.operations().stream().filter(o -> !o.path().contains("/_probe")).toList();
    assertThat(operations).hasSizeGreaterThan(40);

    HttpClient client = CLIENT;
    List<String> failures = new ArrayList<>();
    Map<Integer, Integer> statuses = new TreeMap<>();
    Map<String, Integer> types = new TreeMap<>();
    Map<String, Integer> accepted = new TreeMap<>();
    Map<String, Long> counts = counts();
    long started = System.nanoTime();
    int sent = 0;
    int containerRefused = 0;
    for (int i = 0; i < BUDGET; i++) {
      BadRequests.Operation operation = operations.get(i % operations.size());
      Caller caller = world.callers().get((i / operations.size()) % world.callers().size());
      BadRequests.Request request = generator.next(operation);
      Answer answer = send(client, request, caller);
      sent++;
      statuses.merge(answer.status(), 1, Integer::sum);
      String failure = check(answer);
      if (failure != null && refusedByTheContainer(request, answer)) {
        containerRefused++;
        failure = null;
      }
      if (answer.type() != null) {
        types.merge(answer.type().replace("https://rokhsa.ma/problems/", ""), 1, Integer::sum);
      }
      boolean writes = !request.method().equals("GET");
      if (writes) {
        Map<String, Long> after = counts();
        if (answer.status() >= 400 && !after.equals(counts)) {
          failure =
              (failure == null ? "" : failure + "; ")
                  + "rejected, yet stored something: "
                  + difference(counts, after);
        }
        if (answer.status() < 300) {
          accepted.merge(operation.toString(), 1, Integer::sum);
        }
        counts = after;
      }
      if (failure != null) {
        failures.add(
            operation
                + " as "
                + caller.name()
                + " ("
                + request.broken()
                + "): "
                + failure
                + "\n    "
                + request.curl(world.base().toString(), caller.authorization()));
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    System.out.printf(
        "BadInputIT: %d requests over %d operations as %d callers, seed %d, in %d s;"
            + " statuses %s; problem types %s; accepted writes %s; refused by the container"
            + " (documented) %d; %d failure(s)%n",
        sent,
        operations.size(),
        world.callers().size(),
        SEED,
        took.toSeconds(),
        statuses,
        types,
        accepted,
        containerRefused,
        failures.size());
    failures.stream().limit(60).forEach(f -> System.out.println("  " + f));
    assertThat(sent).isGreaterThanOrEqualTo(2_000);
    assertThat(statuses.getOrDefault(404, 0))
        .as("most requests reach an operation (the paths of /openapi are the server's)")
        .isLessThan(sent / 2);
    assertThat(failures)
        .as("bad requests not answered with a 4xx problem, or leaving something behind")
        .isEmpty();
    // The server stayed up and ready throughout.
    assertThat(world.anonymous().get("health/ready").status()).isEqualTo(200);
  }

  /** A valid value for a path parameter, so that the one broken thing is what gets refused. */
  private String knownValue(String parameter) {
    String segment = parameter.substring(0, parameter.indexOf('/'));
    return switch (segment) {
      case "tenants" -> T;
      case "dossiers" -> world.dossier();
      case "signatories" -> Long.toString(world.signatory());
      case "actions" -> "completer";
      case "regions" -> "06";
      case "waves" -> "1";
      case "calendar", "holidays" -> "2026";
      default -> null;
    };
  }

  record Answer(int status, String contentType, String body, String type) {}

  private Answer send(HttpClient client, BadRequests.Request request, Caller caller) {
    URI target;
    try {
      target = URI.create(world.base().toString().replaceAll("/$", "") + request.target());
    } catch (IllegalArgumentException unsendable) {
      return new Answer(-1, "", "the JDK client cannot send this URL: " + unsendable, null);
    }
    HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60));
    if (caller.token() != null) {
      builder.header("Authorization", caller.authorization());
    }
    if (request.contentType() != null) {
      builder.header("Content-Type", request.contentType());
      builder.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
    } else {
      builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> response =
          client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      String contentType = response.headers().firstValue("Content-Type").orElse("");
      String type = null;
      if (contentType.startsWith("application/problem+json")) {
        try {
          type = JSON.readTree(response.body()).path("type").asText(null);
        } catch (IOException notJson) {
          type = null;
        }
      }
      return new Answer(response.statusCode(), contentType, response.body(), type);
    } catch (IOException e) {
      return new Answer(-1, "", String.valueOf(e), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The requests Payara refuses before choosing an application, with an empty 400 no setting can
   * change, documented in docs/operations.md for the reverse proxy to answer: a NUL byte, a
   * backslash or percent-encoded bytes that are not UTF-8 in the path.
   */
  static boolean refusedByTheContainer(BadRequests.Request request, Answer answer) {
    String path = request.target().split("\\?")[0].toUpperCase(java.util.Locale.ROOT);
    return answer.status() == 400
        && answer.body().isEmpty()
        && (path.contains("%00") || path.contains("%5C") || !percentDecodesToUtf8(path));
  }

  /** Whether the percent-encoded bytes of a path are UTF-8 (Payara refuses them otherwise). */
  static boolean percentDecodesToUtf8(String path) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '%' && i + 2 < path.length() + 0 && i + 2 <= path.length() - 1) {
        bytes.write(Integer.parseInt(path.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    try {
      StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()));
      return true;
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }

  /** What is wrong with the answer to a bad request, or null when it is right. */
  static String check(Answer answer) {
    if (answer.status() < 0) {
      return "no answer: " + answer.body();
    }
    if (answer.status() >= 500) {
      return "server error " + answer.status() + " " + abbreviate(answer.body());
    }
    if (answer.status() < 400) {
      return null;
    }
    if (!answer.contentType().startsWith("application/problem+json")) {
      return answer.status()
          + " is not a problem detail: Content-Type '"
          + answer.contentType()
          + "', body "
          + abbreviate(answer.body());
    }
    JsonNode problem;
    try {
      problem = JSON.readTree(answer.body());
    } catch (IOException e) {
      return answer.status() + " with a body that is not JSON: " + abbreviate(answer.body());
    }
    if (problem == null
        || !problem.path("type").asText().startsWith("https://rokhsa.ma/problems/")
        || problem.path("status").asInt() != answer.status()
        || problem.path("title").asText().isBlank()
        || problem.path("detail").asText().isBlank()) {
      return answer.status() + " with an incomplete problem: " + abbreviate(answer.body());
    }
    if (problem.path("type").asText().endsWith("/validation-failed")
        && problem.path("invalid-params").isEmpty()) {
      return "validation-failed names no field (invalid-params): " + abbreviate(answer.body());
    }
    if (answer.body().contains("Exception") || answer.body().contains(".java:")) {
      return "internals leaked: " + abbreviate(answer.body());
    }
    return null;
  }

  private static String abbreviate(String text) {
    String flat = text == null ? "" : text.replace('\n', ' ');
    return flat.isEmpty() ? "(empty)" : flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
  }

  private String openApiJson() {
    Http.Response response =
        world
            .anonymous()
            .send(
                world
                    .anonymous()
                    .request("openapi")
                    .header("Accept", "application/json")
                    .GET()
                    .build());
    assertThat(response.status()).isEqualTo(200);
    return response.body();
  }

  private Map<String, Long> counts() {
    Http.Response response = world.anonymous().get("api/_probe/counts");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    Map<String, Long> counts = new LinkedHashMap<>();
    response.json().properties().forEach(f -> counts.put(f.getKey(), f.getValue().asLong()));
    assertThat(counts).containsKeys("dossier", "audit_entry", "notification_outbox", "files");
    return counts;
  }

  private static String difference(Map<String, Long> before, Map<String, Long> after) {
    Map<String, String> changed = new TreeMap<>();
    after.forEach(
        (table, count) -> {
          if (!count.equals(before.get(table))) {
            changed.put(table, before.get(table) + " -> " + count);
          }
        });
    return changed.toString();
  }

  // --- the cases it found, pinned ------------------------------------------------------------

  /** Sends one request over HTTP/1.1, as {@code caller} (a signed-in client, or null). */
  private static Http.Response send(
      Http caller, String method, String path, String contentType, byte[] body) {
    HttpRequest.Builder request = (caller == null ? world.anonymous() : caller).request(path);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      return new Http.Response(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Http.Response post(Http caller, String path, String json) {
    return send(caller, "POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  private static Http.Response get(Http caller, String path) {
    return send(caller, "GET", path, null, null);
  }

  @Test
  void aNullAmongTheGrantsOfANewAccountIsNamed() {
    Map<String, Long> before = counts();
    JsonNode problem =
        assertProblem(
            post(
                world.national(),
                "api/admin/accounts",
                "{\"username\": \"grant-null\", \"displayName\": \"G\", \"password\":"
                    + " \"a-long-test-password\", \"grants\": [null]}"),
            400,
            "validation-failed");
    assertThat(problem.path("invalid-params").get(0).path("name").asText()).contains("grants[0]");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void nullItemsOfAnActionAreNamed() {
    JsonNode problem =
        assertProblem(
            post(
                world.applicant(),
                "api/tenants/" + T + "/dossiers/" + world.dossier() + "/actions/completer",
                "{\"items\": [null]}"),
            400,
            "validation-failed");
    assertThat(problem.path("invalid-params").get(0).path("name").asText()).contains("items[0]");
  }

  @Test
  void aSignatoryNameLongerThanItsColumnIsRefusedBeforeTheDatabase() {
    Map<String, Long> before = counts();
    JsonNode problem =
        assertProblem(
            post(
                world.communeAdmin(),
                "api/tenants/" + T + "/signatories",
                "{\"fullName\": \"" + "x".repeat(100_000) + "\", \"title\": \"Président\"}"),
            400,
            "validation-failed");
    assertThat(problem.path("invalid-params").get(0).path("name").asText()).endsWith("fullName");
    assertThat(counts()).isEqualTo(before);
  }

  /** The database refusing a value (past validation, through a probe) is a clean 500 problem. */
  @Test
  void aValueTheDatabaseRefusesIsAnsweredAsAProblemAndLeavesNothing() {
    Map<String, Long> before = counts();
    JsonNode problem =
        assertProblem(
            post(world.national(), "api/_probe/database-refusal/" + T, "{}"),
            500,
            "internal-error");
    assertThat(problem.path("detail").asText()).doesNotContain("too long");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aNodeWithoutTrustAnchorsSaysSoRatherThanFailing() {
    // This node runs outside demo mode and no rokhsa.signing.trust-anchors is set.
    JsonNode problem =
        assertProblem(
            get(world.anonymous(), "api/public/trust-anchors"), 503, "signing-not-configured");
    assertThat(problem.path("detail").asText()).contains("rokhsa.signing.trust-anchors");
  }

  @Test
  void aUrlOverItsBoundIs414() {
    assertProblem(
        get(world.national(), "api/admin/tenants?within=" + "0".repeat(9_000)),
        414,
        "uri-too-long");
  }

  @Test
  void invalidUtf8InAJsonBodyIs400() {
    byte[] body = {
      '{',
      '"',
      'u',
      's',
      'e',
      'r',
      'n',
      'a',
      'm',
      'e',
      '"',
      ':',
      '"',
      'a',
      (byte) 0xC3,
      0x28,
      '"',
      ',',
      '"',
      'p',
      'a',
      's',
      's',
      'w',
      'o',
      'r',
      'd',
      '"',
      ':',
      '"',
      'x',
      '"',
      '}'
    };
    Http.Response response = send(null, "POST", "api/auth/token", "application/json", body);
    assertThat(assertProblem(response, 400, "malformed-body").path("detail").asText())
        .contains("UTF-8");
  }

  @Test
  void aJsonBodyOverItsBoundIs413() {
    assertProblem(
        post(
            null,
            "api/auth/token",
            "{\"username\": \"" + "x".repeat(300_000) + "\", \"password\": \"x\"}"),
        413,
        "payload-too-large");
  }

  @Test
  void aWrongMediaTypeIs415() {
    assertProblem(
        send(
            world.national(),
            "POST",
            "api/admin/accounts",
            "text/plain",
            "username=x".getBytes(StandardCharsets.UTF_8)),
        415,
        "unsupported-media-type");
  }

  /**
   * A NUL byte or a backslash in the path is refused by Payara's URI decoding (Grizzly's, whose
   * "allow backslash" is a compile-time constant) before any application code runs, with an empty
   * 400 that no Payara setting can dress: the reverse proxy answers these (docs/operations.md,
   * "Requests the container refuses"). Pinned so that a Payara that changes this is noticed.
   */
  @Test
  void aNulByteOrABackslashInAPathIsRefusedByTheContainerBeforeTheApplication() throws IOException {
    for (String segment : List.of("%00", "%5C", "a%5cb", "%FF", "%C3%28")) {
      String answer =
          raw(
              "GET /api/tenants/"
                  + T
                  + "/signatories/"
                  + segment
                  + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      assertThat(answer).as(segment).startsWithIgnoringCase("HTTP/1.1 400 Invalid URI");
      assertThat(answer.toLowerCase()).as(segment).contains("content-length: 0");
    }
  }

  private String raw(String request) throws IOException {
    try (Socket socket = new Socket(world.base().getHost(), world.base().getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
