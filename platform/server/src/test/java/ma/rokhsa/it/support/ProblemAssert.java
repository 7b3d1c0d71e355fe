package ma.rokhsa.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** What every problem response must be: RFC 9457 JSON with a stable type and a logged id. */
public final class ProblemAssert {

  private ProblemAssert() {}

  /** Asserts the response is a problem of the given status and type slug; returns its JSON. */
  public static JsonNode assertProblem(Http.Response response, int status, String typeSlug) {
    assertThat(response.status()).as("status of %s", response).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonNode problem = response.json();
    assertThat(problem.path("type").asText()).isEqualTo("https://rokhsa.ma/problems/" + typeSlug);
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("title").asText()).isNotBlank();
    assertThat(problem.path("detail").asText()).isNotBlank();
    assertThat(problem.path("id").asText()).matches("[0-9a-f-]{36}");
    assertThat(response.body())
        .as("no stack trace reaches a client")
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain(".java:");
    return problem;
  }
}
