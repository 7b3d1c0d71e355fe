package ma.rokhsa.it;

import static ma.rokhsa.it.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
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
 * What clients of the API rely on around the dossier walk, black-box over HTTP against the real
 * platform: what a commune offers, as applicants see it and as its admins change it (stored,
 * audited, winning over tenant-config/ across reloads); a refused submission's problem in both
 * languages; the request bodies of avis and actions documented in the OpenAPI document.
 *
 * <p>The PostgreSQL database may be shared with other test classes: every choice made here is on
 * tenants no other class uses, and is reset before the test ends.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiContractIT {

  /** Lbir Jdid: an urban commune of region 06, active once the region is enabled. */
  static final String ACTIVE = "06.181.01.05";

  /** Chaibate, rural commune of the same province: its procedures are changed here. */
  static final String X = "06.181.09.03";

  /** Oulad Hamdane, another commune of the province. */
  static final String Y = "06.181.09.09";

  static final String PROVINCE = "06.181";

  /** Aousserd, region 12: tenant-config/ enables no procedure there; never rolled out. */
  static final String DAKHLA = "12.066.03.05";

  /** Agadir (region 09): not in a rollout wave any test enables. */
  static final String PLANNED = "09.001.01.01";

  static final List<String> ALL_SIX =
      List.of(
          "permis-de-construire",
          "permis-d-habiter",
          "certificat-de-conformite",
          "permis-de-demolir",
          "activite-economique",
          "occupation-domaine-public");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.platform();
  }

  @ArquillianResource URL deployed;

  record World(
      String run,
      Http anonymous,
      Http national,
      Http applicant,
      Http architect,
      Http adminX,
      Http agentX,
      Http adminY,
      Http supervisor) {}

  private static World world;

  @BeforeEach
  void connect() throws Exception {
    synchronized (ApiContractIT.class) {
      if (world == null) {
        URI uri = deployed.toURI();
        Http http =
            new Http(new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), "/", null, null));
        String run = Long.toString(System.currentTimeMillis(), 36);
        Http national = http.signIn("admin", System.getProperty("rokhsa.it.admin-password"));
        ok(national.post("api/admin/rollout/regions/06/enable?dryRun=false", ""));
        assertThat(ok(national.get("api/admin/tenants/" + X)).path("status").asText())
            .isEqualTo("ACTIVE");
        world =
            new World(
                run,
                http,
                national,
                TenancyIT.account(http, national, "demandeuse-" + run, "APPLICANT", null),
                TenancyIT.account(http, national, "architecte-" + run, "ARCHITECT", null),
                TenancyIT.account(http, national, "admin-x-" + run, "TENANT_ADMIN", X),
                TenancyIT.account(http, national, "agent-x-" + run, "GUICHET_AGENT", X),
                TenancyIT.account(http, national, "admin-y-" + run, "TENANT_ADMIN", Y),
                TenancyIT.account(
                    http, national, "superviseur-" + run, "PROVINCIAL_SUPERVISOR", PROVINCE));
      }
    }
  }

  // --- what a commune offers, as applicants see it ------------------------------------------

  @Test
  void applicantsAndArchitectsSeeWhatAnActiveCommuneOffers() {
    for (Http caller : List.of(world.applicant(), world.architect())) {
      JsonNode offered = ok(caller.get("api/tenants/" + ACTIVE + "/procedures"));
      assertThat(ids(offered)).containsExactlyInAnyOrderElementsOf(ALL_SIX);
      JsonNode permis =
          stream(offered)
              .filter(p -> p.path("id").asText().equals("permis-de-construire"))
              .findFirst()
              .orElseThrow();
      assertThat(permis.path("nameFr").asText()).isNotBlank();
      assertThat(permis.path("nameAr").asText()).isNotBlank();
    }
  }

  @Test
  void applicantsSeeNothingOfACommuneThatTakesNoDepositsNorOfItsSettings() {
    assertThat(ok(world.national().get("api/admin/tenants/" + PLANNED)).path("status").asText())
        .isEqualTo("PLANNED");
    assertProblem(
        world.applicant().get("api/tenants/" + PLANNED + "/procedures"), 404, "not-found");
    assertProblem(
        world.applicant().get("api/tenants/" + ACTIVE + "/procedure-settings"), 404, "not-found");
    assertProblem(
        world.architect().post("api/tenants/" + ACTIVE + "/procedure-settings/x/disable", ""),
        404,
        "not-found");
    assertProblem(
        world.anonymous().get("api/tenants/" + ACTIVE + "/procedures"), 401, "unauthorized");
  }

  // --- a refused submission, in both languages ---------------------------------------------

  @Test
  void aRefusedSubmissionCarriesEachViolationInFrenchAndArabicAsValidationDoes() {
    JsonNode draft =
        created(
            world
                .applicant()
                .post(
                    "api/tenants/" + ACTIVE + "/dossiers",
                    "{\"procedure\": \"permis-de-construire\", \"applicantName\": \"Karim"
                        + " Benali\", \"contactEmail\": \"k@example.ma\", \"values\": {}}"));
    String base = "api/tenants/" + ACTIVE + "/dossiers/" + draft.path("id").asText();
    Map<String, JsonNode> validation = new TreeMap<>();
    for (JsonNode v : ok(world.applicant().get(base + "/validation"))) {
      validation.put(v.path("field").asText(), v);
    }
    assertThat(validation).containsKey("documents.plan-masse");

    JsonNode refused =
        assertProblem(world.applicant().post(base + "/submission", ""), 422, "dossier-incomplete");
    Map<String, JsonNode> errors = new TreeMap<>();
    for (JsonNode e : refused.path("errors")) {
      errors.put(e.path("field").asText(), e);
    }
    assertThat(errors.keySet()).isEqualTo(validation.keySet());
    errors.forEach(
        (field, e) -> {
          assertThat(e.path("fr").asText())
              .as(field)
              .isEqualTo(validation.get(field).path("fr").asText());
          assertThat(e.path("ar").asText())
              .as(field)
              .isEqualTo(validation.get(field).path("ar").asText());
          assertThat(e.path("ar").asText())
              .as(field)
              .isNotBlank()
              .isNotEqualTo(e.path("fr").asText());
          assertThat(e.path("message").asText())
              .as("the caller's language")
              .isEqualTo(e.path("fr").asText());
        });

    JsonNode inArabic =
        assertProblem(
            world
                .applicant()
                .send(
                    world
                        .applicant()
                        .request(base + "/submission")
                        .header("Accept-Language", "ar")
                        .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                        .build()),
            422,
            "dossier-incomplete");
    for (JsonNode e : inArabic.path("errors")) {
      assertThat(e.path("message").asText()).isEqualTo(e.path("ar").asText());
      assertThat(e.path("fr").asText())
          .isEqualTo(validation.get(e.path("field").asText()).path("fr").asText());
    }
  }

  // --- the OpenAPI document -----------------------------------------------------------------

  @Test
  void theOpenApiDocumentDocumentsAvisVerdictsAndComplementItems() {
    JsonNode openApi =
        ok(
            world
                .anonymous()
                .send(
                    world
                        .anonymous()
                        .request("openapi")
                        .header("Accept", "application/json")
                        .build()));
    JsonNode schemas = openApi.path("components").path("schemas");

    JsonNode avis = schemas.path("AvisRequest").path("properties");
    assertThat(avis.path("motivation").path("description").asText())
        .as(schemas.path("AvisRequest").toString())
        .contains("UNFAVORABLE", "FAVORABLE_WITH_RESERVATIONS");
    JsonNode verdict = avis.path("verdict");
    assertThat(stream(verdict.path("enum")).map(JsonNode::asText))
        .containsExactly("FAVORABLE", "FAVORABLE_WITH_RESERVATIONS", "UNFAVORABLE");
    assertThat(verdict.path("description").asText())
        .contains("FAVORABLE:", "FAVORABLE_WITH_RESERVATIONS:", "UNFAVORABLE:", "DEEMED_FAVORABLE");
    assertThat(avis.path("body").path("description").asText()).isNotBlank();

    JsonNode action = schemas.path("ActionRequest").path("properties");
    assertThat(action.path("motivation").path("description").asText()).contains("refusal");
    JsonNode items = action.path("items");
    assertThat(items.path("type").asText()).as(action.toString()).isEqualTo("array");
    assertThat(items.path("items").path("$ref").asText())
        .as(items.toString())
        .endsWith("/ComplementItem");
    JsonNode item = schemas.path("ComplementItem").path("properties");
    assertThat(item.path("item").path("description").asText())
        .as(schemas.path("ComplementItem").toString())
        .contains("document");
    assertThat(item.path("reason").path("description").asText()).isNotBlank();
  }

  // --- what a commune offers, as its admins change it ---------------------------------------

  @Test
  void aTenantAdminDisablesAProcedureAtOnceAuditedAndOverReloadsUntilReset() {
    String settings = "api/tenants/" + X + "/procedure-settings/permis-de-demolir";
    try {
      JsonNode before = ok(world.adminX().get(settings));
      assertThat(before.path("configured").asBoolean()).isTrue();
      assertThat(before.path("offered").asBoolean()).isTrue();
      assertThat(before.path("choice").isMissingNode() || before.path("choice").isNull()).isTrue();
      long auditBefore = auditCount(X, "permis-de-demolir");

      JsonNode disabled = ok(world.adminX().post(settings + "/disable", ""));
      assertThat(disabled.path("enabled").asBoolean()).isFalse();
      assertThat(disabled.path("offered").asBoolean()).isFalse();
      assertThat(disabled.path("configured").asBoolean()).isTrue();
      assertThat(disabled.path("choice").path("enabled").asBoolean()).isFalse();
      assertThat(disabled.path("choice").path("changedBy").asText())
          .isEqualTo("admin-x-" + world.run());
      assertThat(disabled.path("reason").asText()).contains("admin-x-" + world.run());

      assertThat(ids(ok(world.applicant().get("api/tenants/" + X + "/procedures"))))
          .doesNotContain("permis-de-demolir")
          .contains("permis-de-construire");
      assertThat(ok(world.agentX().get("api/tenants/" + X)).path("procedures").toString())
          .doesNotContain("permis-de-demolir");
      assertProblem(draft(X, "permis-de-demolir"), 404, "not-found");

      JsonNode reload =
          ok(
              world
                  .national()
                  .send("POST", "api/admin/tenant-config/reload", "application/json", ""));
      assertThat(reload.path("updated")).isEmpty();
      assertThat(ok(world.adminX().get(settings)).path("enabled").asBoolean())
          .as("the admin's choice wins over tenant-config/ after a reload")
          .isFalse();

      ok(world.adminX().post(settings + "/disable", ""));
      List<JsonNode> audit = audit(X, "permis-de-demolir");
      assertThat(audit).hasSize((int) auditBefore + 1);
      JsonNode entry = audit.get(audit.size() - 1);
      assertThat(entry.path("action").asText()).isEqualTo("procedure.disabled");
      assertThat(entry.path("actor").asText()).isEqualTo("admin-x-" + world.run());
      assertThat(entry.path("subjectType").asText()).isEqualTo("procedure");
      assertThat(
              ok(world.adminX().get("api/tenants/" + X + "/audit/verify"))
                  .path("intact")
                  .asBoolean())
          .isTrue();

      JsonNode enabled = ok(world.national().post(settings + "/enable", ""));
      assertThat(enabled.path("offered").asBoolean()).isTrue();
      assertThat(enabled.path("choice").path("enabled").asBoolean()).isTrue();
      assertThat(enabled.path("choice").path("changedBy").asText()).isEqualTo("admin");

      JsonNode reset = ok(world.adminX().post(settings + "/reset", ""));
      assertThat(reset.path("enabled").asBoolean()).isTrue();
      assertThat(reset.path("offered").asBoolean()).isTrue();
      assertThat(reset.path("choice").isMissingNode() || reset.path("choice").isNull()).isTrue();
      assertThat(
              audit(X, "permis-de-demolir").stream()
                  .skip(auditBefore)
                  .map(e -> e.path("actor").asText() + " " + e.path("action").asText()))
          .containsExactly(
              "admin-x-" + world.run() + " procedure.disabled",
              "admin procedure.enabled",
              "admin-x-" + world.run() + " procedure.reset");
      assertThat(draft(X, "permis-de-demolir").status()).isEqualTo(201);
    } finally {
      world.national().post(settings + "/reset", "");
    }
  }

  @Test
  void theNationalAdminEnablesAProcedureTenantConfigDoesNotAndNotForTheWrongKindOfTenant() {
    String settings = "api/tenants/" + DAKHLA + "/procedure-settings";
    try {
      assertThat(ok(world.national().get("api/tenants/" + DAKHLA + "/procedures"))).isEmpty();
      JsonNode listed =
          stream(ok(world.national().get(settings)))
              .filter(s -> s.path("id").asText().equals("permis-de-construire"))
              .findFirst()
              .orElseThrow();
      assertThat(listed.path("configured").asBoolean()).isFalse();
      assertThat(listed.path("offered").asBoolean()).isFalse();

      JsonNode enabled = ok(world.national().post(settings + "/permis-de-construire/enable", ""));
      assertThat(enabled.path("configured").asBoolean()).isFalse();
      assertThat(enabled.path("offered").asBoolean()).isTrue();
      assertThat(enabled.path("choice").path("changedBy").asText()).isEqualTo("admin");
      assertThat(ids(ok(world.national().get("api/tenants/" + DAKHLA + "/procedures"))))
          .containsExactly("permis-de-construire");
      assertThat(audit(DAKHLA, "permis-de-construire"))
          .anyMatch(e -> e.path("action").asText().equals("procedure.enabled"));

      JsonNode wrongKind =
          assertProblem(
              world
                  .national()
                  .post(
                      "api/tenants/" + PROVINCE + "/procedure-settings/permis-de-construire/enable",
                      ""),
              422,
              "procedure-not-offerable");
      assertThat(wrongKind.path("detail").asText()).contains("PROVINCE");
    } finally {
      world.national().post(settings + "/permis-de-construire/reset", "");
    }
    assertThat(ok(world.national().get("api/tenants/" + DAKHLA + "/procedures"))).isEmpty();
  }

  @Test
  void unknownProceduresAreNotFoundAndChangeNothing() {
    String settings = "api/tenants/" + X + "/procedure-settings";
    JsonNode before = ok(world.adminX().get(settings));
    for (String change : List.of("/enable", "/disable", "/reset")) {
      assertProblem(
          world.adminX().post(settings + "/permis-de-voler" + change, ""), 404, "not-found");
    }
    assertProblem(world.adminX().get(settings + "/permis-de-voler"), 404, "not-found");
    assertProblem(
        world.adminX().post(settings + "/" + "x".repeat(300) + "/disable", ""), 404, "not-found");
    assertThat(ok(world.adminX().get(settings))).isEqualTo(before);
  }

  @Test
  void onlyTheNationalAdminAndTheTenantsOwnAdminsChangeItsProcedures() {
    String settings = "api/tenants/" + X + "/procedure-settings";
    JsonNode before = ok(world.adminX().get(settings));
    assertThat(ids(before)).containsAll(ALL_SIX);

    assertProblem(
        world.agentX().post(settings + "/permis-de-demolir/disable", ""), 403, "forbidden");
    assertThat(world.agentX().get(settings).status()).as("agents read them").isEqualTo(200);
    assertProblem(
        world.supervisor().post(settings + "/permis-de-demolir/disable", ""), 403, "forbidden");
    assertThat(world.supervisor().get(settings).status()).isEqualTo(200);
    assertProblem(world.adminY().get(settings), 404, "not-found");
    assertProblem(
        world.adminY().post(settings + "/permis-de-demolir/disable", ""), 404, "not-found");
    assertProblem(
        world.applicant().post(settings + "/permis-de-demolir/disable", ""), 404, "not-found");
    assertProblem(
        world.anonymous().post(settings + "/permis-de-demolir/disable", ""), 401, "unauthorized");

    assertThat(ok(world.adminX().get(settings))).isEqualTo(before);
  }

  // --- helpers -------------------------------------------------------------------------------

  private Http.Response draft(String tenant, String procedure) {
    return world
        .applicant()
        .post(
            "api/tenants/" + tenant + "/dossiers",
            "{\"procedure\": \""
                + procedure
                + "\", \"applicantName\": \"Salma Idrissi\", \"contactEmail\": \"s@example.ma\"}");
  }

  private List<JsonNode> audit(String tenant, String procedure) {
    List<JsonNode> entries = new ArrayList<>();
    ok(world
            .national()
            .get(
                "api/tenants/"
                    + tenant
                    + "/audit?subjectType=procedure&subjectId="
                    + procedure
                    + "&limit=1000"))
        .path("entries")
        .forEach(entries::add);
    return entries;
  }

  private long auditCount(String tenant, String procedure) {
    return audit(tenant, procedure).size();
  }

  private static List<String> ids(JsonNode array) {
    return stream(array).map(p -> p.path("id").asText()).toList();
  }

  private static JsonNode ok(Http.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static JsonNode created(Http.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json();
  }

  private static Stream<JsonNode> stream(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }
}
