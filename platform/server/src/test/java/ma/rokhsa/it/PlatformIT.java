package ma.rokhsa.it;

import static ma.rokhsa.it.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
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
 * The platform's foundation, black-box over HTTP against the real WAR on a managed Payara Micro:
 * operations endpoints, error handling and the audit trail (recorded and tampered with through the
 * test-only probes). One deployment serves every test here.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlatformIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.platformWithProbes();
  }

  @ArquillianResource URL deployed;

  private Http http;

  @BeforeEach
  void client() throws Exception {
    // The application owns the host's root; the server's own endpoints sit beside it.
    URI uri = deployed.toURI();
    http = new Http(new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), "/", null, null));
  }

  @Test
  void readinessChecksTheDatabase() {
    Http.Response ready = http.get("health/ready");

    assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
    JsonNode database = check(ready.json(), "database");
    assertThat(database.path("status").asText()).isEqualTo("UP");
    assertThat(database.path("data").path("product").asText()).isIn("H2", "PostgreSQL");
    assertThat(database.path("data").path("schema").asText()).isNotBlank();
  }

  @Test
  void theDevelopmentCaIsNotServedOutsideDemoMode() {
    assertProblem(http.get("api/public/dev-ca/root.cer"), 404, "not-found");
    assertProblem(http.get("api/public/dev-ca/issuing.crl"), 404, "not-found");
  }

  @Test
  void livenessAndStartupAreUp() {
    assertThat(http.get("health/live").status()).isEqualTo(200);
    assertThat(http.get("health/started").status()).isEqualTo(200);
  }

  @Test
  void versionNamesTheBuildAndTheInstallation() {
    Http.Response response = http.get("api/version");

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode version = response.json();
    assertThat(version.path("name").asText()).isEqualTo("Rokhsa");
    assertThat(version.path("version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(version.path("pluginApiVersion").asText())
        .isEqualTo(version.path("version").asText());
    assertThat(version.path("installationId").asText()).matches("[0-9a-f-]{36}");
    assertThat(version.path("installedAt").asText()).isNotBlank();
    assertThat(http.get("api/version").json().path("installationId"))
        .isEqualTo(version.path("installationId"));
  }

  @Test
  void openApiDocumentDescribesTheApi() {
    Http.Response yaml = http.get("openapi");
    assertThat(yaml.status()).isEqualTo(200);
    assertThat(yaml.body()).contains("title: Rokhsa API").contains("/api/version");

    Http.Response json =
        http.send(http.request("openapi").header("Accept", "application/json").build());
    assertThat(json.json().path("info").path("version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(json.json().path("paths").has("/api/version")).isTrue();
  }

  @Test
  void swaggerUiServesTheDocument() {
    Http.Response page = http.get("swagger-ui/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("swagger-ui-bundle.js");

    Matcher script =
        Pattern.compile("src=\"(\\.\\./webjars/[^\"]+swagger-ui-bundle\\.js)\"")
            .matcher(page.body());
    assertThat(script.find()).isTrue();
    Http.Response bundle = http.get("swagger-ui/" + script.group(1));
    assertThat(bundle.status()).as("the Swagger UI bundle is served").isEqualTo(200);
    assertThat(http.get("swagger-ui/swagger-initializer.js").body()).contains("../openapi");
  }

  @Test
  void metricsAreExposed() {
    Http.Response metrics = http.get("metrics");

    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("# TYPE");
  }

  @Test
  void unknownPathOutsideTheApiIsAProblem404() {
    JsonNode problem = assertProblem(http.get("no/such/page"), 404, "not-found");

    assertThat(problem.path("instance").asText()).isEqualTo("/no/such/page");
  }

  @Test
  void unknownPathInsideTheApiIsAProblem404() {
    JsonNode problem = assertProblem(http.get("api/no-such-resource"), 404, "not-found");

    assertThat(problem.path("instance").asText()).isEqualTo("/api/no-such-resource");
  }

  @Test
  void wrongMethodIsAProblem405WithAllow() {
    Http.Response response = http.send("DELETE", "api/version", "application/json", "");

    assertProblem(response, 405, "method-not-allowed");
    assertThat(response.header("Allow")).contains("GET");
  }

  @Test
  void unexpectedExceptionIsAProblem500WithoutItsDetails() {
    Http.Response response = http.get("api/_probe/boom");

    assertProblem(response, 500, "internal-error");
    assertThat(response.body()).doesNotContain("secret internal detail");
  }

  @Test
  void malformedJsonIsAProblem400() {
    Http.Response response =
        http.send("POST", "api/_probe/echo", "application/json", "{\"name\": ");

    assertProblem(response, 400, "malformed-body");
  }

  @Test
  void invalidBodyIsAProblem400ListingEachField() {
    Http.Response response =
        http.send("POST", "api/_probe/echo", "application/json", "{\"name\": \"\", \"count\": -1}");

    JsonNode problem = assertProblem(response, 400, "validation-failed");
    assertThat(problem.path("errors")).hasSize(2);
    assertThat(problem.path("errors").findValuesAsText("field"))
        .allSatisfy(field -> assertThat(field).containsAnyOf("name", "count"));
  }

  @Test
  void unsupportedMediaTypeIsAProblem415() {
    Http.Response response = http.send("POST", "api/_probe/echo", "text/plain", "hello");

    assertProblem(response, 415, "unsupported-media-type");
  }

  @Test
  void wellFormedBodyPassesThrough() {
    Http.Response response =
        http.send(
            "POST", "api/_probe/echo", "application/json", "{\"name\": \"Rokhsa\", \"count\": 3}");

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json().path("name").asText()).isEqualTo("Rokhsa");
  }

  // --- the audit trail (tenants of region 01 that no other test writes to) --------------------

  /**
   * Appends through the probe; a transaction the database rolled back as a conflict (H2 may pick a
   * deadlock victim among appenders waiting on one chain head) is sent again, as its {@code
   * transaction-conflict} problem asks. Nothing of a rolled-back attempt may remain in the chain.
   */
  private Integer appendAsAClientWould(String tenant, int count) throws InterruptedException {
    for (int attempt = 0; ; attempt++) {
      Http.Response answer = http.post("api/_probe/audit/" + tenant + "/record?count=" + count, "");
      if (answer.status() != 503
          || !answer.body().contains("/problems/transaction-conflict")
          || attempt == 10) {
        return answer.status();
      }
      Thread.sleep(100);
    }
  }

  @Test
  void concurrentAuditAppendsMakeOneGapFreeChainPerTenant() throws Exception {
    String first = "01.051.01.01";
    String second = "01.051.01.03";
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        String tenant = i % 3 == 2 ? second : first;
        int count = 1 + i % 2;
        calls.add(pool.submit(() -> appendAsAClientWould(tenant, count)));
      }
      for (Future<Integer> call : calls) {
        assertThat(call.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    Http admin = nationalAdmin();
    // 40 calls on the first tenant, 20 on the second; every other call records two entries.
    for (Map.Entry<String, Integer> tenant : Map.of(first, 60, second, 30).entrySet()) {
      JsonNode verification = ok(admin.get("api/tenants/" + tenant.getKey() + "/audit/verify"));
      assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
      assertThat(verification.path("entries").asInt()).isEqualTo(tenant.getValue());
      JsonNode page = ok(admin.get("api/tenants/" + tenant.getKey() + "/audit?limit=1000"));
      List<Long> sequences = new ArrayList<>();
      page.path("entries").forEach(e -> sequences.add(e.path("sequence").asLong()));
      assertThat(sequences)
          .as("numbered 1, 2, 3… without gap or duplicate")
          .isEqualTo(LongStream.rangeClosed(1, tenant.getValue()).boxed().toList());
      assertThat(verification.path("lastHash").asText())
          .isEqualTo(page.path("entries").get(tenant.getValue() - 1).path("hash").asText());
    }
  }

  @Test
  void verificationNamesAnAuditRowChangedInTheDatabase() {
    String tenant = "01.051.01.05";
    Http admin = nationalAdmin();
    assertThat(http.post("api/_probe/audit/" + tenant + "/record?count=5", "").status())
        .isEqualTo(200);
    assertThat(ok(admin.get("api/tenants/" + tenant + "/audit/verify")).path("intact").asBoolean())
        .isTrue();

    assertThat(http.post("api/_probe/audit/" + tenant + "/tamper?sequence=3", "").body())
        .isEqualTo("1");

    JsonNode verification = ok(admin.get("api/tenants/" + tenant + "/audit/verify"));
    assertThat(verification.path("intact").asBoolean()).isFalse();
    assertThat(verification.path("brokenAt").asLong()).isEqualTo(3);
    assertThat(verification.path("fault").asText()).isEqualTo("ALTERED");
    assertThat(verification.path("entries").asLong()).isEqualTo(2);
  }

  @Test
  void verificationNamesAnAuditRowDeletedFromTheMiddle() {
    String tenant = "01.051.01.07";
    Http admin = nationalAdmin();
    assertThat(http.post("api/_probe/audit/" + tenant + "/record?count=5", "").status())
        .isEqualTo(200);

    assertThat(http.post("api/_probe/audit/" + tenant + "/remove?sequence=2", "").body())
        .isEqualTo("1");

    JsonNode verification = ok(admin.get("api/tenants/" + tenant + "/audit/verify"));
    assertThat(verification.path("intact").asBoolean()).isFalse();
    assertThat(verification.path("brokenAt").asLong()).isEqualTo(2);
    assertThat(verification.path("fault").asText()).isEqualTo("REMOVED");
    assertThat(http.post("api/_probe/audit/" + tenant + "/remove?sequence=5", "").body())
        .isEqualTo("1");
    assertThat(ok(admin.get("api/tenants/" + tenant + "/audit/verify")).path("brokenAt").asLong())
        .as("still the first break")
        .isEqualTo(2);
  }

  @Test
  void anAuditEntryGoesWithItsTransactionAndNeedsOne() {
    String tenant = "01.051.01.09";
    Http admin = nationalAdmin();
    assertThat(http.post("api/_probe/audit/" + tenant + "/record?count=2", "").status())
        .isEqualTo(200);

    assertProblem(
        http.post("api/_probe/audit/" + tenant + "/record-then-fail", ""), 500, "internal-error");
    assertProblem(
        http.post("api/_probe/audit/" + tenant + "/record-outside-transaction", ""),
        500,
        "internal-error");
    assertThat(http.post("api/_probe/audit/" + tenant + "/record", "").status()).isEqualTo(200);

    JsonNode verification = ok(admin.get("api/tenants/" + tenant + "/audit/verify"));
    assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
    assertThat(verification.path("entries").asLong()).isEqualTo(3);
    assertThat(
            ok(admin.get("api/tenants/" + tenant + "/audit?subjectId=CAS-ROLLED-BACK"))
                .path("entries"))
        .isEmpty();
  }

  @Test
  void theAuditTrailIsListedBySubjectAndPageByPage() {
    String tenant = "01.051.03.01";
    Http admin = nationalAdmin();
    http.post("api/_probe/audit/" + tenant + "/record?count=3&subjectId=CAS-A", "");
    http.post("api/_probe/audit/" + tenant + "/record?count=2&subjectId=CAS-B", "");
    String base = "api/tenants/" + tenant + "/audit";

    JsonNode first = ok(admin.get(base + "?subjectType=dossier&subjectId=CAS-A&limit=2"));
    assertThat(first.path("entries")).hasSize(2);
    assertThat(first.path("next").asLong()).isEqualTo(2);
    JsonNode second = ok(admin.get(base + "?subjectType=dossier&subjectId=CAS-A&limit=2&after=2"));
    assertThat(second.path("entries")).hasSize(1);
    assertThat(second.path("next").isMissingNode()).as("no next page").isTrue();
    JsonNode entry = second.path("entries").get(0);
    assertThat(entry.path("sequence").asLong()).isEqualTo(3);
    assertThat(entry.path("actor").asText()).isEqualTo("probe");
    assertThat(entry.path("action").asText()).isEqualTo("dossier.viewed");
    assertThat(entry.path("sourceAddress").asText()).isEqualTo("192.0.2.7");
    assertThat(entry.path("previousHash").asText())
        .isEqualTo(first.path("entries").get(1).path("hash").asText());
    assertThat(ok(admin.get(base + "?subjectId=CAS-B")).path("entries")).hasSize(2);
    assertProblem(admin.get(base + "?limit=0"), 400, "bad-request");
    assertProblem(admin.get(base + "?after=-1"), 400, "bad-request");
  }

  private Http nationalAdmin() {
    return http.signIn("admin", System.getProperty("rokhsa.it.admin-password"));
  }

  private static JsonNode ok(Http.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static JsonNode check(JsonNode health, String name) {
    for (JsonNode check : health.path("checks")) {
      if (name.equals(check.path("name").asText())) {
        return check;
      }
    }
    throw new AssertionError("no health check named " + name + " in " + health);
  }
}
