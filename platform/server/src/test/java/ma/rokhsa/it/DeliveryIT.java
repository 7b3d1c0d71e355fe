package ma.rokhsa.it;

import static ma.rokhsa.it.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import ma.rokhsa.it.support.Http;
import ma.rokhsa.it.support.PayaraProcess;
import org.junit.jupiter.api.Test;

/**
 * Delivery through the real server, in demo mode (the development CA certifies the signatory's
 * PKCS#12 credential and time-stamps): a permis de construire deposited, instructed, decided, then
 * signed by its signatory with their PIN; the signed PDF downloaded and checked by poppler's {@code
 * pdfsig} with an NSS database trusting the platform's published root; the public verification of
 * the document and of its bytes; one byte changed fails; a revocation shows at once. Refusals on
 * the way: a wrong PIN (422 {@code wrong-pin}) writes nothing; a non-signatory cannot sign (403
 * {@code no-signing-right}); the plain action without a PIN does not deliver.
 */
class DeliveryIT {

  private static final String T = DossierIT.T;
  private static final Duration BOOT = Duration.ofSeconds(180);
  private static final String PIN = "482913";

  @Test
  void aSignatorySignsAPermisThatAnyoneCanVerifyUntilItIsRevoked() throws Exception {
    String run = "dlv" + Long.toString(System.currentTimeMillis(), 36);
    Path root = Path.of(System.getProperty("rokhsa.it.dir", "target/it-data"), "delivery");
    Files.createDirectories(root);
    Path data = Files.createTempDirectory(root, "data-");
    Map<String, String> env = new HashMap<>();
    env.put("ROKHSA_DEMO", "true");
    env.put("ROKHSA_ADMIN_INITIAL_PASSWORD", System.getProperty("rokhsa.it.admin-password"));
    try (PayaraProcess server = PayaraProcess.start("delivery", data, env)) {
      server.awaitReady(BOOT);
      Http http = server.http();
      Http national = http.signIn("admin", System.getProperty("rokhsa.it.admin-password"));
      DossierIT.ok(national.post("api/admin/rollout/regions/06/enable?dryRun=false", ""));
      Http applicant = TenancyIT.account(http, national, "demandeur-" + run, "APPLICANT", null);
      Http guichet = TenancyIT.account(http, national, "guichet-" + run, "GUICHET_AGENT", T);
      Http commission = DossierIT.memberWithEmail(http, national, "commission-" + run);
      Http tenantAdmin = TenancyIT.account(http, national, "admin-" + run, "TENANT_ADMIN", T);
      String signatoryName = "signataire-" + run;
      Http signatory = TenancyIT.account(http, national, signatoryName, "SIGNATORY", T);

      // The key ceremony, as a commune's tenant admin does it (docs/signatures.md): a named
      // signatory with their account and CIN, then a key issued in the tenant's provider (the
      // PKCS#12 plugin), protected by the signatory's PIN and certified by the development CA.
      String tenantBase = "api/tenants/" + T;
      long signatoryId =
          DossierIT.created(
                  tenantAdmin.post(
                      tenantBase + "/signatories",
                      "{\"fullName\": \"Nabila Rmili\", \"title\": \"Présidente du Conseil"
                          + " communal\", \"username\": \""
                          + signatoryName
                          + "\", \"cin\": \"JB123456\"}"))
              .path("id")
              .asLong();
      JsonNode key =
          DossierIT.created(
              tenantAdmin.post(
                  tenantBase + "/signature-keys",
                  "{\"signatoryId\": "
                      + signatoryId
                      + ", \"label\": \"Présidente — "
                      + run
                      + "\", \"pin\": \""
                      + PIN
                      + "\"}"));
      assertThat(key.path("status").asText()).as(key.toString()).isEqualTo("ACTIVE");
      JsonNode right = DossierIT.ok(signatory.get(tenantBase + "/signature-keys/signing-right"));
      assertThat(right.path("keyId").asLong()).isEqualTo(key.path("id").asLong());

      // A permis de construire, deposited, accepted, every body's avis, decided favorably.
      String base = decidedFavorably(applicant, guichet, commission, signatory, run + "-1");
      String dossierId = DossierIT.ok(signatory.get(base)).path("id").asText();

      // It awaits the signatory's signature, with a second one decided later: the pending list
      // is paged (keyset, longest unchanged first), never cut short.
      String second = decidedFavorably(applicant, guichet, commission, signatory, run + "-2");
      String secondId = DossierIT.ok(signatory.get(second)).path("id").asText();
      Http.Response firstPage = signatory.get(tenantBase + "/signatures/pending?limit=1");
      JsonNode pending = DossierIT.ok(firstPage);
      assertThat(DossierIT.stream(pending).map(d -> d.path("id").asText()))
          .containsExactly(dossierId);
      String next = SearchIT.nextLink(firstPage, signatory);
      assertThat(next).as("a Link to the next page").isNotNull();
      Http.Response secondPage = signatory.get(next);
      assertThat(DossierIT.stream(DossierIT.ok(secondPage)).map(d -> d.path("id").asText()))
          .containsExactly(secondId);
      assertThat(SearchIT.nextLink(secondPage, signatory)).as("the last page").isNull();
      assertThat(
              DossierIT.stream(DossierIT.ok(signatory.get(tenantBase + "/signatures/pending")))
                  .map(d -> d.path("id").asText()))
          .containsExactly(dossierId, secondId);
      assertProblem(
          signatory.get(tenantBase + "/signatures/pending?cursor=not-a-cursor"),
          400,
          "bad-request");
      assertProblem(guichet.get(tenantBase + "/signatures/pending"), 403, "forbidden");

      // Refusals write nothing.
      assertProblem(signatory.post(base + "/actions/signer", "{}"), 400, "bad-request");
      assertProblem(
          signatory.post(
              tenantBase + "/signatures",
              "{\"dossiers\": [\"" + dossierId + "\"], \"pin\": \"000000\"}"),
          422,
          "wrong-pin");
      assertProblem(
          guichet.post(
              tenantBase + "/signatures",
              "{\"dossiers\": [\"" + dossierId + "\"], \"pin\": \"" + PIN + "\"}"),
          403,
          "no-signing-right");
      assertThat(DossierIT.ok(signatory.get(base)).path("state").asText())
          .isEqualTo("attente-signature");
      assertProblem(applicant.get(base + "/authorization"), 404, "not-found");

      // The signature: one session, one PIN.
      JsonNode outcomes =
          DossierIT.ok(
              signatory.post(
                  tenantBase + "/signatures",
                  "{\"dossiers\": [\"" + dossierId + "\"], \"pin\": \"" + PIN + "\"}"));
      assertThat(outcomes.get(0).path("signed").asBoolean()).as(outcomes.toString()).isTrue();
      assertThat(outcomes.get(0).path("state").asText()).isEqualTo("delivre");
      String documentId = outcomes.get(0).path("documentId").asText();
      assertThat(documentId).startsWith(T + "-");
      assertThat(DossierIT.ok(applicant.get(base)).path("state").asText()).isEqualTo("delivre");

      // The second through the dossier's own action, the same session rules: one PIN.
      JsonNode single =
          DossierIT.ok(signatory.post(second + "/actions/signer", "{\"pin\": \"" + PIN + "\"}"));
      assertThat(single.path("state").asText()).as(single.toString()).isEqualTo("delivre");
      assertThat(DossierIT.ok(signatory.get(tenantBase + "/signatures/pending"))).isEmpty();

      // The applicant downloads the signed PDF; pdfsig (NSS trusting the published root) says it
      // is valid; its text states the facts.
      HttpResponse<byte[]> download =
          applicant.sendBytes(applicant.request(base + "/authorization").GET().build());
      assertThat(download.statusCode()).isEqualTo(200);
      assertThat(download.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/pdf");
      byte[] pdf = download.body();
      Path work = Files.createTempDirectory(data, "pdfsig-");
      Files.write(work.resolve("authorization.pdf"), pdf);
      String anchors = http.get("api/public/trust-anchors").body();
      assertThat(anchors).contains("-----BEGIN CERTIFICATE-----");
      Files.writeString(
          work.resolve("root.pem"),
          anchors.lines().filter(line -> !line.startsWith("#")).reduce("", (a, b) -> a + b + "\n"));
      Files.createDirectories(work.resolve("nss"));
      run(work, "certutil", "-N", "-d", "sql:nss", "--empty-password");
      run(work, "certutil", "-A", "-n", "root", "-t", "CT,C,C", "-i", "root.pem", "-d", "sql:nss");
      String pdfsig = run(work, "pdfsig", "-nssdir", "sql:nss", "authorization.pdf");
      assertThat(pdfsig)
          .contains("Signature Validation: Signature is Valid.")
          .contains("Certificate Validation: Certificate is Trusted.")
          .contains("Nabila Rmili");
      String text = run(work, "pdftotext", "-enc", "UTF-8", "authorization.pdf", "-");
      assertThat(text).contains("Karim Benali", "T12345/19", "Prévoir un extincteur par niveau.");

      // Anyone verifies it: by its id, and by its bytes.
      JsonNode entry = DossierIT.ok(http.get("api/public/verification/" + documentId));
      assertThat(entry.path("status").asText()).isEqualTo("VALID");
      assertThat(entry.path("signatory").asText()).isEqualTo("Nabila Rmili");
      assertThat(entry.path("level").asText()).isEqualTo("B-LT");
      JsonNode checked = verify(http, pdf);
      assertThat(checked.path("valid").asBoolean()).as(checked.toString()).isTrue();
      assertThat(checked.path("matchesRegister").asBoolean()).isTrue();
      assertThat(checked.path("documentId").asText()).isEqualTo(documentId);

      // One byte changed: pdfsig and the endpoint refuse it.
      // Inside the rendered revision (before its first %%EOF), out of the signature's /Contents.
      byte[] tampered = pdf.clone();
      int at = indexOf(pdf, "%%EOF".getBytes(StandardCharsets.US_ASCII)) / 2;
      tampered[at] = (byte) (tampered[at] ^ 0x01);
      Files.write(work.resolve("tampered.pdf"), tampered);
      assertThat(run(work, "pdfsig", "-nssdir", "sql:nss", "tampered.pdf"))
          .doesNotContain("Signature Validation: Signature is Valid.");
      JsonNode refused = verify(http, tampered);
      assertThat(refused.path("valid").asBoolean()).as(refused.toString()).isFalse();
      assertThat(refused.path("matchesRegister").asBoolean()).isFalse();

      // Revoked by the authority, motivated: it shows at once.
      assertProblem(
          guichet.post(
              tenantBase + "/authorizations/" + documentId + "/revocation",
              "{\"reason\": \"Erreur matérielle\"}"),
          403,
          "forbidden");
      JsonNode revoked =
          DossierIT.ok(
              signatory.post(
                  tenantBase + "/authorizations/" + documentId + "/revocation",
                  "{\"reason\": \"Erreur matérielle sur la superficie\"}"));
      assertThat(revoked.path("status").asText()).isEqualTo("REVOKED");
      JsonNode after = DossierIT.ok(http.get("api/public/verification/" + documentId));
      assertThat(after.path("status").asText()).isEqualTo("REVOKED");
      assertThat(after.path("revocationReason").asText()).contains("superficie");
      assertThat(after.path("revokedAt").asText()).isNotBlank();
      assertThat(verify(http, pdf).path("valid").asBoolean()).isFalse();
      server.stop();
    }
  }

  // --- helpers -------------------------------------------------------------------------------

  /** A permis deposited, accepted, every body's avis given, decided favorably: its address. */
  private static String decidedFavorably(
      Http applicant, Http guichet, Http commission, Http signatory, String run) {
    String base = deposited(applicant, run);
    DossierIT.ok(guichet.post(base + "/actions/accepter", "{}"));
    avis(commission, base, "agence-urbaine", "FAVORABLE", null);
    avis(
        commission,
        base,
        "protection-civile",
        "FAVORABLE_WITH_RESERVATIONS",
        "Prévoir un extincteur par niveau.");
    avis(commission, base, "service-urbanisme", "FAVORABLE", null);
    avis(commission, base, "distributeur-eau-electricite", "FAVORABLE", null);
    JsonNode decision = DossierIT.awaitState(signatory, base, "decision");
    assertThat(decision.path("state").asText()).isEqualTo("decision");
    JsonNode favorable =
        DossierIT.ok(
            signatory.post(base + "/actions/decider-favorable", "{\"motivation\": \"Conforme.\"}"));
    assertThat(favorable.path("state").asText()).isEqualTo("attente-signature");
    return base;
  }

  private static String deposited(Http applicant, String run) {
    JsonNode draft =
        DossierIT.created(
            applicant.post(
                "api/tenants/" + T + "/dossiers",
                "{\"procedure\": \"permis-de-construire\", \"applicantName\": \"Karim Benali\","
                    + " \"contactEmail\": \"karim.benali@example.ma\", \"language\": \"fr\","
                    + " \"values\": "
                    + DossierIT.VALUES
                    + "}"));
    String base = "api/tenants/" + T + "/dossiers/" + draft.path("id").asText();
    for (String document :
        Stream.concat(DossierIT.FIRST_THREE.stream(), DossierIT.LAST_TWO.stream()).toList()) {
      DossierIT.created(
          applicant.upload(
              base + "/attachments?document=" + document, document + ".pdf", DossierIT.pdf(1_500)));
    }
    DossierIT.created(
        applicant.send(
            applicant
                .request(base + "/submission")
                .header("Idempotency-Key", "k-" + run)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build()));
    return base;
  }

  private static void avis(
      Http commission, String base, String body, String verdict, String motivation) {
    DossierIT.ok(
        commission.post(
            base + "/avis",
            "{\"body\": \""
                + body
                + "\", \"verdict\": \""
                + verdict
                + "\""
                + (motivation == null ? "" : ", \"motivation\": \"" + motivation + "\"")
                + "}"));
  }

  private static JsonNode verify(Http http, byte[] pdf) {
    Http.Response response =
        http.send(
            http.request("api/public/verification")
                .header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(pdf))
                .build());
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Runs a tool no one here wrote; a missing tool fails the test. */
  private static String run(Path directory, String... command) throws Exception {
    Process process =
        new ProcessBuilder(List.of(command))
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(command[0] + " finished").isTrue();
    return new String(output, StandardCharsets.UTF_8);
  }
}
