package ma.rokhsa.it;

import static ma.rokhsa.it.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * Tenancy, black-box over HTTP against the real application: the territorial division loaded from
 * tenant-config/, sign-in and roles, the cross-tenant matrix (every tenant-scoped endpoint × each
 * role × a foreign tenant and foreign ids), supervisors' read-only territory, two tenants writing
 * in parallel, and an issued signature key in the audit trail. One deployment serves every test
 * here.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TenancyIT {

  /** Commune A (El Jadida) and commune B (Azemmour), both in the province of El Jadida. */
  static final String A = "06.181.01.03";

  static final String B = "06.181.01.01";
  static final String PROVINCE = "06.181";
  static final String OUTSIDE = "04.421.01.0";
  static final String PASSWORD = "a-long-test-password";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.platform();
  }

  @ArquillianResource URL deployed;

  private static World world;
  private Http http;

  /** Accounts and data shared by the tests, made once through the API itself. */
  record World(
      String run,
      Http national,
      Http adminA,
      Http agentA,
      Http signatoryA,
      Http adminB,
      Http supervisor,
      Http applicant,
      long signatoryB,
      long keyB) {}

  @BeforeEach
  void connect() throws Exception {
    URI uri = deployed.toURI();
    http = new Http(new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), "/", null, null));
    synchronized (TenancyIT.class) {
      if (world == null) {
        world = makeWorld(http);
      }
    }
  }

  static World makeWorld(Http http) {
    String run = Long.toString(System.currentTimeMillis(), 36);
    Http national = http.signIn("admin", System.getProperty("rokhsa.it.admin-password"));
    Http adminA = account(http, national, "admin-a-" + run, "TENANT_ADMIN", A);
    Http agentA = account(http, national, "agent-a-" + run, "GUICHET_AGENT", A);
    Http signatoryA = account(http, national, "sign-a-" + run, "SIGNATORY", A);
    Http adminB = account(http, national, "admin-b-" + run, "TENANT_ADMIN", B);
    Http supervisor = account(http, national, "super-" + run, "PROVINCIAL_SUPERVISOR", PROVINCE);
    Http applicant = account(http, national, "applicant-" + run, "APPLICANT", null);
    long signatoryB =
        created(
                adminB.post(
                    "api/tenants/" + B + "/signatories",
                    "{\"fullName\": \"Signataire B\", \"title\": \"Président\","
                        + " \"cin\": \"BE100200\"}"))
            .path("id")
            .asLong();
    long keyB =
        created(
                adminB.post(
                    "api/tenants/" + B + "/signature-keys",
                    "{\"signatoryId\": "
                        + signatoryB
                        + ", \"label\": \"B-1\", \"pin\": \"482913\"}"))
            .path("id")
            .asLong();
    created(
        adminA.post(
            "api/tenants/" + A + "/signatories",
            "{\"fullName\": \"Signataire A\", \"title\": \"Présidente\"}"));
    return new World(
        run, national, adminA, agentA, signatoryA, adminB, supervisor, applicant, signatoryB, keyB);
  }

  static Http account(Http http, Http national, String username, String role, String tenant) {
    String grant =
        tenant == null
            ? "{\"role\": \"" + role + "\"}"
            : "{\"role\": \"" + role + "\", \"tenant\": \"" + tenant + "\"}";
    created(
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
                + "]}"));
    return http.signIn(username, PASSWORD);
  }

  static JsonNode created(Http.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json();
  }

  // --- the territory -------------------------------------------------------------------------

  @Test
  void startupLoadedEveryTerritorialUnitWithItsPopulation() {
    JsonNode all = ok(world.national().get("api/admin/tenants"));
    long units = stream(all).filter(t -> !t.path("id").asText().startsWith("svc-")).count();
    assertThat(units).isEqualTo(1631);
    assertThat(
            sumPopulation(
                stream(all).filter(t -> t.path("kind").asText().equals("REGION")).toList()))
        .isEqualTo(36_828_330L);

    List<JsonNode> provinces =
        stream(
                ok(
                    world
                        .national()
                        .get("api/admin/tenants?within=06&kind=PREFECTURE&kind=PROVINCE")))
            .toList();
    List<JsonNode> communes =
        stream(
                ok(
                    world
                        .national()
                        .get("api/admin/tenants?within=06&kind=URBAN_COMMUNE&kind=RURAL_COMMUNE")))
            .toList();
    assertThat(provinces).hasSize(9);
    assertThat(communes).hasSize(153);
    assertThat(sumPopulation(provinces)).isEqualTo(7_688_967L);
    assertThat(sumPopulation(communes)).isEqualTo(7_688_967L);
    JsonNode casablanca = ok(world.national().get("api/admin/tenants/06.141.01.0"));
    assertThat(casablanca.path("population").asLong()).isEqualTo(3_215_935L);
    assertThat(casablanca.path("nameAr").asText()).isEqualTo("الدار البيضاء");
    assertThat(casablanca.path("signatureKeyQuota").asInt()).isEqualTo(5);
  }

  @Test
  void reloadingTheSameConfigurationChangesNothing() {
    JsonNode report =
        ok(world.national().send("POST", "api/admin/tenant-config/reload", "application/json", ""));

    assertThat(report.path("created")).isEmpty();
    assertThat(report.path("updated")).isEmpty();
    assertThat(report.path("unchanged").asInt()).isEqualTo(report.path("tenants").asInt());
  }

  // --- sign-in and roles ---------------------------------------------------------------------

  @Test
  void adminApiNeedsANationalAdmin() {
    assertProblem(http.get("api/admin/tenants/06"), 401, "unauthorized");
    assertProblem(world.adminA().get("api/admin/tenants/06"), 403, "forbidden");
    assertProblem(http.as("not.a.token").get("api/admin/tenants/06"), 401, "unauthorized");
  }

  @Test
  void wrongPasswordIsRefusedLikeAnUnknownAccount() {
    Http.Response wrong =
        http.post("api/auth/token", "{\"username\": \"admin\", \"password\": \"wrong-password\"}");
    Http.Response unknown =
        http.post(
            "api/auth/token",
            "{\"username\": \"nobody-" + world.run() + "\", \"password\": \"wrong-password\"}");

    assertProblem(wrong, 401, "unauthorized");
    assertProblem(unknown, 401, "unauthorized");
    assertThat(wrong.json().path("detail")).isEqualTo(unknown.json().path("detail"));
  }

  @Test
  void repeatedWrongPasswordsFromOneAddressMakeItWait() {
    String username = "throttled-" + world.run();
    account(http, world.national(), username, "APPLICANT", null);
    String wrong = "{\"username\": \"" + username + "\", \"password\": \"not-the-password\"}";
    for (int attempt = 0; attempt < 5; attempt++) {
      assertProblem(http.post("api/auth/token", wrong), 401, "unauthorized");
    }
    Http.Response throttled =
        http.post(
            "api/auth/token",
            "{\"username\": \"" + username + "\", \"password\": \"" + PASSWORD + "\"}");

    assertProblem(throttled, 429, "too-many-requests");
    assertThat(throttled.header("Retry-After")).isNotBlank();
    assertThat(world.adminA().get("api/auth/me").status())
        .as("other accounts are unaffected")
        .isEqualTo(200);
  }

  @Test
  void meNamesTheRolesAndWhere() {
    JsonNode me = ok(world.supervisor().get("api/auth/me"));

    assertThat(me.path("grants").get(0).path("role").asText()).isEqualTo("PROVINCIAL_SUPERVISOR");
    assertThat(me.path("grants").get(0).path("tenant").asText()).isEqualTo(PROVINCE);
  }

  // --- the cross-tenant matrix ---------------------------------------------------------------

  /** A tenant-scoped endpoint, and a body to send if it takes one. */
  record Endpoint(String method, String path, String body) {
    String on(String tenant, World world) {
      return path.replace("{tenantId}", tenant)
          .replace("{id}", UNKNOWN_DOSSIER)
          .replace("{attachment}", "1")
          .replace("{action}", "accepter")
          .replace("{signatoryId}", Long.toString(world.signatoryB()))
          .replace("{keyId}", Long.toString(world.keyB()))
          .replace("{mandateId}", "1")
          .replace("{documentId}", UNKNOWN_DOSSIER)
          .replace("{year}", "2026")
          .replace("{procedureId}", "permis-de-construire")
          // B's own tenant admin: through A it holds no role, through B it is out of reach.
          .replace("{username}", "admin-b-" + world.run());
    }
  }

  /** A dossier id no tenant has: intruders must be refused before any dossier is looked up. */
  static final String UNKNOWN_DOSSIER = "00000000-0000-4000-8000-000000000000";

  /** The body marker of an endpoint that takes a multipart upload. */
  static final String MULTIPART = "<multipart>";

  /** Every tenant-scoped endpoint. A test below fails if the API grows one that is not here. */
  static final List<Endpoint> TENANT_ENDPOINTS =
      List.of(
          new Endpoint("GET", "/api/tenants/{tenantId}", null),
          new Endpoint("GET", "/api/tenants/{tenantId}/procedures", null),
          new Endpoint("GET", "/api/tenants/{tenantId}/procedure-settings", null),
          new Endpoint("GET", "/api/tenants/{tenantId}/procedure-settings/{procedureId}", null),
          new Endpoint(
              "POST", "/api/tenants/{tenantId}/procedure-settings/{procedureId}/enable", ""),
          new Endpoint(
              "POST", "/api/tenants/{tenantId}/procedure-settings/{procedureId}/disable", ""),
          new Endpoint(
              "POST", "/api/tenants/{tenantId}/procedure-settings/{procedureId}/reset", ""),
          new Endpoint("GET", "/api/tenants/{tenantId}/users", null),
          new Endpoint(
              "POST",
              "/api/tenants/{tenantId}/users",
              "{\"username\": \"intruder\", \"displayName\": \"Intrus\", \"password\": \"intruder-password\", \"role\": \"GUICHET_AGENT\"}"),
          new Endpoint(
              "POST",
              "/api/tenants/{tenantId}/users/{username}/revocations",
              "{\"role\": \"TENANT_ADMIN\"}"),
          new Endpoint("POST", "/api/tenants/{tenantId}/users/{username}/disable", ""),
          new Endpoint("POST", "/api/tenants/{tenantId}/users/{username}/enable", ""),
          new Endpoint("POST", "/api/tenants/{tenantId}/users/{username}/second-factor/reset", ""),
          new Endpoint("GET", "/api/tenants/{tenantId}/signatories", null),
          new Endpoint(
              "POST",
              "/api/tenants/{tenantId}/signatories",
              "{\"fullName\": \"Intrus\", \"title\": \"Intrus\"}"),
          new Endpoint("GET", "/api/tenants/{tenantId}/signatories/{signatoryId}", null),
          new Endpoint("GET", "/api/tenants/{tenantId}/signature-keys", null),
          new Endpoint(
              "POST",
              "/api/tenants/{tenantId}/signature-keys",
              "{\"signatoryId\": 1, \"label\": \"x\", \"pin\": \"123456\"}"),
          new Endpoint("GET", "/api/tenants/{tenantId}/signature-keys/signing-right", null),
          new Endpoint("GET", "/api/tenants/{tenantId}/signature-keys/{keyId}", null),
          new Endpoint("GET", "/api/tenants/{tenantId}/signature-keys/{keyId}/certificate", null),
          new Endpoint(
              "POST",
              "/api/tenants/{tenantId}/signature-keys/{keyId}/certificate-chain",
              "{\"certificateChain\": \"x\", \"pin\": \"123456\"}"),
          new Endpoint(
              "POST",
              "/api/tenants/{tenantId}/signature-keys/{keyId}/renew",
              "{\"pin\": \"123456\"}"),
          new Endpoint(
              "POST",
              "/api/tenants/{tenantId}/signature-keys/{keyId}/revoke",
              "{\"reason\": \"x\"}"),
          new Endpoint("GET", "/api/tenants/{tenantId}/mandates", null),
          new Endpoint(
              "POST",
              "/api/tenants/{tenantId}/mandates",
              "{\"delegatorId\": 1, \"interimId\": 2, \"validFrom\": \"2030-01-01T00:00:00Z\","
                  + " \"validUntil\": \"2030-02-01T00:00:00Z\", \"reason\": \"ABSENCE\"}"),
          new Endpoint("GET", "/api/tenants/{tenantId}/mandates/{mandateId}", null),
          new Endpoint("POST", "/api/tenants/{tenantId}/mandates/{mandateId}/end", "{}"),
          new Endpoint("GET", "/api/tenants/{tenantId}/extra-keys", null),
          new Endpoint("GET", "/api/tenants/{tenantId}/dossiers", null),
          new Endpoint(
              "POST",
              "/api/tenants/{tenantId}/dossiers",
              "{\"procedure\": \"permis-de-construire\", \"applicantName\": \"Intrus\", \"contactEmail\": \"intrus@example.ma\"}"),
          new Endpoint("GET", "/api/tenants/{tenantId}/dossiers/{id}", null),
          new Endpoint("PUT", "/api/tenants/{tenantId}/dossiers/{id}/values", "{\"values\": {}}"),
          new Endpoint("GET", "/api/tenants/{tenantId}/dossiers/{id}/validation", null),
          new Endpoint("POST", "/api/tenants/{tenantId}/dossiers/{id}/attachments", MULTIPART),
          new Endpoint(
              "GET", "/api/tenants/{tenantId}/dossiers/{id}/attachments/{attachment}", null),
          new Endpoint(
              "DELETE", "/api/tenants/{tenantId}/dossiers/{id}/attachments/{attachment}", null),
          new Endpoint("POST", "/api/tenants/{tenantId}/dossiers/{id}/submission", ""),
          new Endpoint("GET", "/api/tenants/{tenantId}/dossiers/{id}/receipt", null),
          new Endpoint("GET", "/api/tenants/{tenantId}/dossiers/{id}/authorization", null),
          new Endpoint("POST", "/api/tenants/{tenantId}/dossiers/{id}/actions/{action}", "{}"),
          new Endpoint(
              "POST",
              "/api/tenants/{tenantId}/dossiers/{id}/avis",
              "{\"body\": \"agence-urbaine\", \"verdict\": \"FAVORABLE\"}"),
          new Endpoint(
              "POST",
              "/api/tenants/{tenantId}/extra-keys",
              "{\"keyCount\": 1, \"costMad\": 1, \"purchasedOn\": \"2026-11-29\"}"),
          new Endpoint("GET", "/api/tenants/{tenantId}/signatures/pending", null),
          new Endpoint(
              "POST",
              "/api/tenants/{tenantId}/signatures",
              "{\"dossiers\": [\"" + UNKNOWN_DOSSIER + "\"], \"pin\": \"0000\"}"),
          new Endpoint(
              "POST",
              "/api/tenants/{tenantId}/authorizations/{documentId}/revocation",
              "{\"reason\": \"erreur matérielle\"}"),
          new Endpoint("GET", "/api/tenants/{tenantId}/calendar/{year}", null),
          new Endpoint("GET", "/api/tenants/{tenantId}/calendar/working-days", null),
          new Endpoint("GET", "/api/tenants/{tenantId}/audit", null),
          new Endpoint("GET", "/api/tenants/{tenantId}/audit/verify", null));

  @Test
  void theMatrixCoversEveryTenantScopedEndpointOfTheApi() {
    JsonNode openApi =
        ok(http.send(http.request("openapi").header("Accept", "application/json").build()));
    Set<String> documented = new TreeSet<>();
    for (Map.Entry<String, JsonNode> path : openApi.path("paths").properties()) {
      if (path.getKey().startsWith("/api/tenants/{")) {
        path.getValue()
            .fieldNames()
            .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey()));
      }
    }
    Set<String> covered = new TreeSet<>();
    TENANT_ENDPOINTS.forEach(e -> covered.add(e.method() + " " + e.path()));

    assertThat(documented).isNotEmpty();
    assertThat(covered).containsAll(documented);
  }

  @Test
  void nobodyOfCommuneAOrOutsideSeesOrChangesAnythingOfCommuneB() {
    Map<String, Http> callers =
        Map.of(
            "tenant admin of A", world.adminA(),
            "guichet agent of A", world.agentA(),
            "signatory of A", world.signatoryA(),
            "applicant", world.applicant());
    JsonNode before = snapshotOfB();
    List<String> leaks = new ArrayList<>();
    for (Map.Entry<String, Http> caller : callers.entrySet()) {
      for (Endpoint endpoint : TENANT_ENDPOINTS) {
        if (caller.getValue() == world.applicant() && endpoint.path().contains("/dossiers")) {
          // Applicants deposit in every tenant: DossierIT shows they see only their own dossiers.
          continue;
        }
        if (caller.getValue() == world.applicant() && endpoint.path().endsWith("/procedures")) {
          // Applicants see what every active tenant offers: ApiContractIT shows it, and that they
          // see nothing of a tenant that takes no deposits.
          continue;
        }
        Http.Response response = call(caller.getValue(), endpoint, endpoint.on(B, world));
        if (response.status() != 404) {
          leaks.add(
              caller.getKey()
                  + " "
                  + endpoint.method()
                  + " "
                  + endpoint.on(B, world)
                  + " → "
                  + response.status());
        } else {
          assertProblem(response, 404, "not-found");
        }
      }
    }
    assertThat(leaks).as("every call on another tenant answers 404").isEmpty();
    assertThat(snapshotOfB()).as("commune B is unchanged").isEqualTo(before);
  }

  @Test
  void anotherTenantsIdsThroughOnesOwnTenantAreNotFound() {
    JsonNode before = snapshotOfB();
    for (Endpoint endpoint : TENANT_ENDPOINTS) {
      if (!endpoint.path().contains("{signatoryId}")
          && !endpoint.path().contains("{keyId}")
          && !endpoint.path().contains("{username}")) {
        continue;
      }
      Http.Response response = call(world.adminA(), endpoint, endpoint.on(A, world));
      assertThat(response.status()).as(endpoint + " with B's ids through A").isEqualTo(404);
    }
    assertThat(snapshotOfB()).isEqualTo(before);
    assertThat(
            stream(ok(world.adminA().get("api/tenants/" + A + "/signatories")))
                .map(s -> s.path("fullName").asText()))
        .doesNotContain("Signataire B");
  }

  @Test
  void provincialSupervisorReadsEveryCommuneOfItsProvinceAndNothingElse() {
    List<JsonNode> communes =
        stream(
                ok(
                    world
                        .national()
                        .get(
                            "api/admin/tenants?within="
                                + PROVINCE
                                + "&kind=URBAN_COMMUNE&kind=RURAL_COMMUNE")))
            .toList();
    assertThat(communes).hasSizeGreaterThan(20);
    for (JsonNode commune : communes) {
      String id = commune.path("id").asText();
      assertThat(world.supervisor().get("api/tenants/" + id).status())
          .as("GET " + id)
          .isEqualTo(200);
      assertThat(world.supervisor().get("api/tenants/" + id + "/signatories").status())
          .isEqualTo(200);
    }
    assertThat(world.supervisor().get("api/tenants/" + PROVINCE).status()).isEqualTo(200);
    assertProblem(world.supervisor().get("api/tenants/" + OUTSIDE), 404, "not-found");
    assertProblem(world.supervisor().get("api/tenants/06.141.01.0"), 404, "not-found");
    assertThat(stream(ok(world.supervisor().get("api/tenants"))).map(t -> t.path("id").asText()))
        .contains(A, B, PROVINCE)
        .doesNotContain(OUTSIDE);
  }

  @Test
  void provincialSupervisorWritesNothing() {
    JsonNode before = snapshotOfB();
    for (Endpoint endpoint : TENANT_ENDPOINTS) {
      if (endpoint.method().equals("GET")) {
        continue;
      }
      Http.Response response = call(world.supervisor(), endpoint, endpoint.on(B, world));
      assertProblem(response, 403, "forbidden");
    }
    assertThat(snapshotOfB()).isEqualTo(before);
  }

  @Test
  void agentsActOnlyInTheirRole() {
    assertThat(world.agentA().get("api/tenants/" + A + "/signatories").status()).isEqualTo(200);
    assertProblem(
        world
            .agentA()
            .post("api/tenants/" + A + "/signatories", "{\"fullName\": \"X\", \"title\": \"Y\"}"),
        403,
        "forbidden");
  }

  @Test
  void theAuditTrailIsReadByTenantAdminsSupervisorsAndTheNationOnly() {
    String audit = "api/tenants/" + A + "/audit";
    for (Http reader : List.of(world.adminA(), world.supervisor(), world.national())) {
      assertThat(reader.get(audit).status()).isEqualTo(200);
      JsonNode verification = ok(reader.get(audit + "/verify"));
      assertThat(verification.path("tenant").asText()).isEqualTo(A);
      assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
    }
    assertProblem(world.agentA().get(audit), 403, "forbidden");
    assertProblem(world.signatoryA().get(audit + "/verify"), 403, "forbidden");
  }

  @Test
  void issuingAndRevokingASignatureKeyIsAudited() {
    String lbirJdid = "06.181.01.05";
    String base = "api/tenants/" + lbirJdid;
    long signatory =
        created(
                world
                    .national()
                    .post(
                        base + "/signatories",
                        "{\"fullName\": \"Audit "
                            + world.run()
                            + "\", \"title\": \"Délégué\", \"cin\": \"AU300400\"}"))
            .path("id")
            .asLong();
    long key =
        created(
                world
                    .national()
                    .post(
                        base + "/signature-keys",
                        "{\"signatoryId\": "
                            + signatory
                            + ", \"label\": \"audited\", \"pin\": \"482913\"}"))
            .path("id")
            .asLong();
    ok(
        world
            .national()
            .post(base + "/signature-keys/" + key + "/revoke", "{\"reason\": \"départ\"}"));

    JsonNode entries =
        ok(world.supervisor().get(base + "/audit?subjectType=signature-key&subjectId=" + key))
            .path("entries");
    assertThat(stream(entries).map(e -> e.path("action").asText()))
        .containsExactly("signature-key.issued", "signature-key.revoked");
    assertThat(stream(entries).map(e -> e.path("actor").asText())).containsOnly("admin");
    assertThat(stream(entries).map(e -> e.path("sourceAddress").asText()))
        .allSatisfy(address -> assertThat(address).isNotBlank());
    JsonNode verification = ok(world.supervisor().get(base + "/audit/verify"));
    assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
    assertThat(verification.path("entries").asLong()).isGreaterThanOrEqualTo(2);
  }

  // --- concurrency ---------------------------------------------------------------------------

  @Test
  void twoTenantsWritingAndReadingInParallelNeverSeeEachOther() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int worker = 0; worker < 8; worker++) {
        boolean inA = worker % 2 == 0;
        Http admin = inA ? world.adminA() : world.adminB();
        String tenant = inA ? A : B;
        String marker = (inA ? "para-A-" : "para-B-") + world.run();
        int id = worker;
        results.add(
            pool.submit(
                () -> {
                  List<String> foreign = new ArrayList<>();
                  for (int i = 0; i < 15; i++) {
                    created(
                        admin.post(
                            "api/tenants/" + tenant + "/signatories",
                            "{\"fullName\": \""
                                + marker
                                + "-"
                                + id
                                + "-"
                                + i
                                + "\", \"title\": \"t\"}"));
                    for (JsonNode signatory :
                        ok(admin.get("api/tenants/" + tenant + "/signatories"))) {
                      String name = signatory.path("fullName").asText();
                      if (name.startsWith(inA ? "para-B-" : "para-A-")
                          || name.equals(inA ? "Signataire B" : "Signataire A")) {
                        foreign.add(name);
                      }
                    }
                  }
                  return foreign;
                }));
      }
      for (Future<List<String>> result : results) {
        assertThat(result.get()).as("names of the other tenant seen").isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
    long inA =
        stream(ok(world.adminA().get("api/tenants/" + A + "/signatories")))
            .filter(s -> s.path("fullName").asText().startsWith("para-A-" + world.run()))
            .count();
    assertThat(inA).isEqualTo(4 * 15);
  }

  // --- procedures ----------------------------------------------------------------------------

  @Test
  void aTenantOffersExactlyTheProceduresEnabledForIt() {
    assertThat(
            stream(ok(world.adminA().get("api/tenants/" + A + "/procedures")))
                .map(p -> p.path("id").asText()))
        .containsExactlyInAnyOrder(
            "permis-de-construire",
            "permis-d-habiter",
            "certificat-de-conformite",
            "permis-de-demolir",
            "activite-economique",
            "occupation-domaine-public");
    assertThat(ok(world.supervisor().get("api/tenants/" + PROVINCE + "/procedures")))
        .as("a prefecture is not a kind of tenant that delivers building permits")
        .isEmpty();
    Http dakhla =
        account(http, world.national(), "admin-12-" + world.run(), "TENANT_ADMIN", "12.066.01.03");
    assertThat(ok(dakhla.get("api/tenants/12.066.01.03/procedures")))
        .as("region 12 disables every procedure in tenant-config/territories/12.yaml")
        .isEmpty();
  }

  // --- the rollout ---------------------------------------------------------------------------

  /**
   * In one test, because each step changes what the next sees: the dry-run of wave 1, an evaluation
   * unblocking exactly its commune, the real run, suspension and resumption.
   */
  @Test
  void rolloutOfWaveOneBlocksLargeCommunesUntilEvaluated() {
    Http national = world.national();
    // Other test classes on the same database may have enabled region 06 already (then El
    // Jadida, over 50,000 inhabitants and not evaluated, waits in ONBOARDING).
    String before = ok(national.get("api/admin/tenants/" + A)).path("status").asText();
    assertThat(before).isIn("PLANNED", "ONBOARDING");
    JsonNode dryRun = ok(national.post("api/admin/rollout/waves/1/enable?dryRun=true", ""));
    assertThat(dryRun.path("dryRun").asBoolean()).isTrue();
    assertThat(communes(dryRun.path("kinds"))).isEqualTo(799);
    List<JsonNode> blocked =
        stream(dryRun.path("blocked"))
            .filter(t -> t.path("kind").asText().endsWith("COMMUNE"))
            .toList();
    assertThat(blocked).hasSize(67);
    assertThat(blocked)
        .allSatisfy(t -> assertThat(t.path("population").asLong()).isGreaterThan(50_000));
    assertThat(blocked).allSatisfy(t -> assertThat(t.path("reason").asText()).contains("50000"));
    assertThat(blocked.stream().map(t -> t.path("id").asText())).contains(A);
    assertThat(ok(national.get("api/admin/tenants/" + A)).path("status").asText())
        .as("a dry-run changes nothing")
        .isEqualTo(before);

    created(
        national.post(
            "api/admin/tenants/" + A + "/readiness-evaluations",
            "{\"evaluatedOn\": \"2026-11-20\", \"evaluator\": \"Commission régionale de suivi\","
                + " \"criteria\": \"Connectivité, postes, formation des agents\", \"positive\": true}"));
    created(
        national.post(
            "api/admin/tenants/06.141.01.0/readiness-evaluations",
            "{\"evaluatedOn\": \"2026-11-20\", \"evaluator\": \"Commission régionale de suivi\","
                + " \"criteria\": \"Connectivité insuffisante\", \"positive\": false}"));

    JsonNode again = ok(national.post("api/admin/rollout/waves/1/enable?dryRun=true", ""));
    List<String> stillBlocked =
        stream(again.path("blocked"))
            .filter(t -> t.path("kind").asText().endsWith("COMMUNE"))
            .map(t -> t.path("id").asText())
            .toList();
    assertThat(stillBlocked).hasSize(66).doesNotContain(A).contains("06.141.01.0");
    assertThat(stream(again.path("activated")).map(JsonNode::asText)).contains(A);

    JsonNode real = ok(national.post("api/admin/rollout/regions/06/enable?dryRun=false", ""));
    assertThat(real.path("dryRun").asBoolean()).isFalse();
    JsonNode elJadida = ok(national.get("api/admin/tenants/" + A));
    assertThat(elJadida.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(ok(world.adminA().get("api/tenants/" + A)).path("acceptsDeposits").asBoolean())
        .isTrue();
    assertThat(ok(national.get("api/admin/tenants/06.141.01.0")).path("status").asText())
        .isEqualTo("ONBOARDING");
    assertThat(ok(national.get("api/admin/tenants/04")).path("status").asText())
        .as("another region of the wave, not enabled")
        .isEqualTo("PLANNED");
    JsonNode audit = ok(national.get("api/admin/rollout/audit?tenant=" + A));
    assertThat(stream(audit).map(e -> e.path("after").asText()))
        .anyMatch(after -> after.contains("ACTIVE"));
    assertThat(stream(audit).map(e -> e.path("actor").asText())).contains("admin");

    ok(national.post("api/admin/tenants/" + A + "/suspend", ""));
    JsonNode suspended = ok(world.adminA().get("api/tenants/" + A));
    assertThat(suspended.path("status").asText()).isEqualTo("SUSPENDED");
    assertThat(suspended.path("acceptsDeposits").asBoolean()).isFalse();
    assertThat(world.adminA().get("api/tenants/" + A + "/signatories").status())
        .as("a suspended tenant keeps its data readable")
        .isEqualTo(200);
    assertProblem(national.post("api/admin/tenants/" + A + "/suspend", ""), 409, "conflict");
    ok(national.post("api/admin/tenants/" + A + "/resume", ""));
    assertThat(ok(national.get("api/admin/tenants/" + A)).path("status").asText())
        .isEqualTo("ACTIVE");

    JsonNode again2 = ok(national.post("api/admin/rollout/regions/06/enable?dryRun=false", ""));
    assertThat(again2.path("outcomes").path("ACTIVATE").asInt())
        .as("enabling is idempotent")
        .isZero();
    assertProblem(national.post("api/admin/rollout/waves/9/enable", ""), 404, "not-found");
    assertProblem(
        national.post(
            "api/admin/tenants/06/readiness-evaluations",
            "{\"evaluatedOn\": \"2026-11-20\", \"evaluator\": \"X\", \"criteria\": \"Y\", \"positive\": true}"),
        409,
        "conflict");
  }

  @Test
  void followUpCommissionsAreRecordedPerTerritoryWithTheirMembers() {
    Http national = world.national();
    String members =
        "\"members\": [{\"fullName\": \"Wali de la région\", \"title\": \"Wali\", \"role\": \"Président\"},"
            + " {\"fullName\": \"Directrice de l'agence urbaine\", \"title\": \"Directrice\", \"role\": \"Membre\"}]";
    String name = "Comité régional de suivi " + world.run();
    created(
        national.post(
            "api/admin/tenants/06/commissions",
            "{\"level\": \"REGIONAL\", \"name\": \"" + name + "\", " + members + "}"));

    JsonNode listed = ok(national.get("api/admin/tenants/06/commissions"));
    JsonNode commission =
        stream(listed).filter(c -> c.path("name").asText().equals(name)).findFirst().orElseThrow();
    assertThat(commission.path("members")).hasSize(2);
    assertProblem(
        national.post(
            "api/admin/tenants/06/commissions",
            "{\"level\": \"LOCAL\", \"name\": \"x\", " + members + "}"),
        409,
        "conflict");
    assertProblem(
        national.post(
            "api/admin/tenants/06/commissions",
            "{\"level\": \"REGIONAL\", \"name\": \"" + name + "\", " + members + "}"),
        409,
        "conflict");
    assertThat(
            stream(ok(national.get("api/admin/rollout/audit?limit=20")))
                .map(e -> e.path("action").asText()))
        .anyMatch(action -> action.contains("COMMISSION"));
  }

  // --- the working-day calendar --------------------------------------------------------------

  @Test
  void theCalendarOfCasablancaHasMoroccosHolidays() {
    String casablanca = "api/tenants/06.141.01.0/calendar";
    JsonNode year = ok(world.national().get(casablanca + "/2025"));
    assertThat(year.path("year").asInt()).isEqualTo(2025);
    Map<String, String> kinds = new java.util.TreeMap<>();
    stream(year.path("holidays"))
        .forEach(h -> kinds.put(h.path("date").asText(), h.path("kind").asText()));
    assertThat(kinds)
        .containsEntry("2025-01-01", "FIXED")
        .containsEntry("2025-01-14", "FIXED") // Amazigh New Year
        .containsEntry("2025-07-30", "FIXED") // Throne Day
        .containsEntry("2025-11-18", "FIXED")
        .containsEntry("2025-03-31", "OVERRIDE") // Eid al-Fitr, as announced
        .containsEntry("2025-04-01", "OVERRIDE")
        .containsEntry("2025-06-07", "OVERRIDE") // Eid al-Adha
        .containsEntry("2025-06-09", "OVERRIDE") // the exceptional Monday
        .containsEntry("2025-09-05", "OVERRIDE") // Mawlid
        .doesNotContainKey("2025-10-31"); // Eid al-Wahda: from 2026
    JsonNode fitr =
        stream(year.path("holidays"))
            .filter(h -> h.path("date").asText().equals("2025-03-31"))
            .findFirst()
            .orElseThrow();
    assertThat(fitr.path("nameFr").asText()).isEqualTo("Aïd Al Fitr");
    assertThat(fitr.path("nameAr").asText()).isEqualTo("عيد الفطر");
    assertThat(
            stream(ok(world.national().get(casablanca + "/2026")).path("holidays"))
                .map(h -> h.path("date").asText()))
        .contains("2026-10-31");

    // Friday 28 March 2025 + 1 working day: the weekend, then Eid on Monday 31 and Tuesday 1.
    JsonNode due = ok(world.national().get(casablanca + "/working-days?from=2025-03-28&days=1"));
    assertThat(due.path("due").asText()).isEqualTo("2025-04-02");
    assertThat(
            ok(world.national().get(casablanca + "/working-days?from=2025-06-05&days=2"))
                .path("due")
                .asText())
        .isEqualTo("2025-06-10");

    assertProblem(
        world.national().get(casablanca + "/working-days?from=28/03/2025&days=1"),
        400,
        "bad-request");
    assertProblem(
        world.national().get(casablanca + "/working-days?from=2025-03-28&days=-1"),
        400,
        "bad-request");
    assertProblem(world.national().get(casablanca + "/1850"), 400, "bad-request");
  }

  @Test
  void aCommunesOwnAgentsAndSupervisorReadItsCalendar() {
    assertThat(world.agentA().get("api/tenants/" + A + "/calendar/2026").status()).isEqualTo(200);
    assertThat(world.supervisor().get("api/tenants/" + B + "/calendar/2026").status())
        .isEqualTo(200);
    assertProblem(
        world.agentA().get("api/tenants/" + B + "/calendar/working-days?from=2026-01-05&days=3"),
        404,
        "not-found");
  }

  private static long communes(JsonNode kinds) {
    long total = 0;
    for (String kind : List.of("URBAN_COMMUNE", "RURAL_COMMUNE")) {
      for (JsonNode count : kinds.path(kind)) {
        total += count.asLong();
      }
    }
    return total;
  }

  // --- helpers -------------------------------------------------------------------------------

  private JsonNode snapshotOfB() {
    String base = "api/tenants/" + B;
    ObjectNode snapshot = new ObjectMapper().createObjectNode();
    snapshot.set("signatories", ok(world.adminB().get(base + "/signatories")));
    snapshot.set("keys", ok(world.adminB().get(base + "/signature-keys")));
    snapshot.set("users", ok(world.adminB().get(base + "/users")));
    snapshot.set("purchases", ok(world.adminB().get(base + "/extra-keys")));
    snapshot.set("procedures", ok(world.adminB().get(base + "/procedure-settings")));
    return snapshot;
  }

  private static Http.Response call(Http caller, Endpoint endpoint, String path) {
    if (MULTIPART.equals(endpoint.body())) {
      return caller.upload(path, "intrus.pdf", DossierIT.pdf(100));
    }
    return endpoint.body() == null
        ? caller.send(
            caller
                .request(path)
                .method(endpoint.method(), java.net.http.HttpRequest.BodyPublishers.noBody())
                .build())
        : caller.send(endpoint.method(), path, "application/json", endpoint.body());
  }

  private static JsonNode ok(Http.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }

  private static long sumPopulation(List<JsonNode> tenants) {
    return tenants.stream().mapToLong(t -> t.path("population").asLong()).sum();
  }
}
