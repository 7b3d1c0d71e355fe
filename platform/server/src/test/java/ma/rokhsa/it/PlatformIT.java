package ma.rokhsa.it;

import static ma.rokhsa.it.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URL;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * operations endpoints and error handling. One deployment serves every test here.
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

  private static JsonNode check(JsonNode health, String name) {
    for (JsonNode check : health.path("checks")) {
      if (name.equals(check.path("name").asText())) {
        return check;
      }
    }
    throw new AssertionError("no health check named " + name + " in " + health);
  }
}
