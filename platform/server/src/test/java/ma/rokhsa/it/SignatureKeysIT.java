package ma.rokhsa.it;

import static ma.rokhsa.it.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ma.rokhsa.it.support.Http;
import ma.rokhsa.it.support.PayaraProcess;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.jcajce.JcaCertificateID;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Signature keys over HTTP on a demo node (its own Payara Micro process, {@code ROKHSA_DEMO=true}:
 * the development CA certifies keys), with the shipped PKCS#12 provider plugin: a commune of 14,638
 * inhabitants (Targuist, RGPH 2024) gets 3 keys; a fourth is refused until an extra-key record is
 * made; signing rights of named, unnamed and interim signatories; mandates in and out of their
 * period, ended early; renewal in the same slot; revocation seen by {@link
 * ma.rokhsa.application.SigningRights} and by the development CA's OCSP responder and CRL; all of
 * it in the tenant's audit trail. The tests run in order on one node (one boot).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignatureKeysIT {

  /** Targuist (urban commune, Al Hoceïma), 14,638 inhabitants: a commune under 20,000. */
  static final String COMMUNE = "01.051.01.07";

  static final String PASSWORD = "signature-keys-IT-password";
  static final String PIN = "482913";
  static final Duration BOOT = Duration.ofSeconds(300);

  static PayaraProcess node;
  static Http http;
  static Http admin;
  static Http president;
  static Http interim;
  static Http agent;
  static long presidentId;
  static long interimId;
  static final List<Long> keys = new ArrayList<>();

  @BeforeAll
  static void startADemoNode() throws Exception {
    Path root = Path.of(System.getProperty("rokhsa.it.dir", "target/it-data"), "signature-keys");
    Files.createDirectories(root);
    String adminPassword = System.getProperty("rokhsa.it.admin-password");
    node =
        PayaraProcess.start(
            "signature-keys",
            Files.createTempDirectory(root, "data-"),
            Map.of("ROKHSA_DEMO", "true", "ROKHSA_ADMIN_INITIAL_PASSWORD", adminPassword));
    http = node.http();
    node.awaitReady(BOOT);
    Http national = http.signIn("admin", adminPassword);
    String run = Long.toString(System.currentTimeMillis(), 36);
    admin = account(national, "keys-admin-" + run, "TENANT_ADMIN");
    president = account(national, "president-" + run, "SIGNATORY");
    interim = account(national, "interim-" + run, "SIGNATORY");
    agent = account(national, "agent-" + run, "GUICHET_AGENT");
    presidentId =
        created(
                admin.post(
                    tenant("signatories"),
                    "{\"fullName\": \"Karim Benali\", \"title\": \"Président du conseil"
                        + " communal\", \"username\": \"president-"
                        + run
                        + "\", \"cin\": \"BK123456\"}"))
            .path("id")
            .asLong();
    interimId =
        created(
                admin.post(
                    tenant("signatories"),
                    "{\"fullName\": \"Salma Idrissi\", \"title\": \"Première vice-présidente\","
                        + " \"username\": \"interim-"
                        + run
                        + "\", \"cin\": \"A987654\", \"interim\": true}"))
            .path("id")
            .asLong();
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  @Order(1)
  void keysAreIssuedCertifiedByTheDevelopmentCaUpToTheQuota() throws Exception {
    JsonNode allowance = ok(admin.get("api/tenants/" + COMMUNE)).path("signatureKeys");
    assertThat(allowance.path("quota").asInt()).isEqualTo(3);
    assertThat(allowance.path("inUse").asInt()).isZero();

    long deputy = signatory("Youssef Amrani", "Deuxième vice-président", "C345678");
    long secretary = signatory("Nadia Chraibi", "Troisième vice-présidente", "D456789");
    for (long signatory : List.of(presidentId, deputy, secretary)) {
      JsonNode key = created(admin.post(tenant("signature-keys"), newKey(signatory, "Clé 2026")));
      assertThat(key.path("status").asText()).isEqualTo("ACTIVE");
      assertThat(key.path("provider").asText()).isEqualTo("pkcs12");
      assertThat(key.path("beyondQuota").asBoolean()).isFalse();
      keys.add(key.path("id").asLong());
    }

    X509Certificate certificate = certificate(keys.get(0));
    certificate.verify(devCa("issuing.cer").getPublicKey());
    assertThat(new JcaX509CertificateHolder(certificate).getSubject().toString())
        .contains("CN=Karim Benali")
        .contains("IDCMA-BK123456")
        .contains(COMMUNE);
    assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("RSA");
  }

  @Test
  @Order(2)
  void aFourthKeyIsRefusedWithoutAnExtraKeyRecordAndIssuedWithOne() {
    JsonNode refused =
        assertProblem(
            admin.post(tenant("signature-keys"), newKey(interimId, "Clé intérim")),
            409,
            "conflict");
    assertThat(refused.path("detail").asText()).contains("all 3 signature keys are in use");
    assertProblem(
        agent.post(tenant("signature-keys"), newKey(interimId, "Clé intérim")), 403, "forbidden");

    created(
        admin.post(
            tenant("extra-keys"),
            "{\"keyCount\": 1, \"costMad\": 1500.00, \"purchasedOn\": \"2026-12-01\"}"));
    assertThat(ok(admin.get(tenant("extra-keys")))).hasSize(1);

    JsonNode fourth =
        created(admin.post(tenant("signature-keys"), newKey(interimId, "Clé intérim")));
    assertThat(fourth.path("beyondQuota").asBoolean()).isTrue();
    keys.add(fourth.path("id").asLong());
    assertProblem(
        admin.post(tenant("signature-keys"), newKey(interimId, "Une de trop")), 409, "conflict");
  }

  @Test
  @Order(3)
  void aNamedSignatorySignsInTheirOwnNameAndAnyoneElseIsRefused() {
    JsonNode right = ok(president.get(tenant("signature-keys/signing-right")));
    assertThat(right.path("signatoryId").asLong()).isEqualTo(presidentId);
    assertThat(right.path("keyId").asLong()).isEqualTo(keys.get(0));
    assertThat(right.path("onBehalfOf").isNull() || right.path("onBehalfOf").isMissingNode())
        .isTrue();

    assertProblem(agent.get(tenant("signature-keys/signing-right")), 403, "no-signing-right");
    JsonNode interimRefused =
        assertProblem(interim.get(tenant("signature-keys/signing-right")), 403, "no-signing-right");
    assertThat(interimRefused.path("detail").asText()).contains("no mandate in force");
  }

  @Test
  @Order(4)
  void anInterimSignsOnlyWithinTheMandatesPeriodAndNotOnceItIsEnded() {
    Instant from = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    Instant until = from.plus(Duration.ofDays(14));
    JsonNode mandate =
        created(
            admin.post(
                "api/tenants/" + COMMUNE + "/mandates",
                mandate(presidentId, interimId, from, until, "ABSENCE")));
    assertThat(mandate.path("reference").asText()).matches("MAND-\\d{4}-0001");
    assertThat(mandate.path("inForce").asBoolean()).isFalse();

    assertProblem(interim.get(rightAt(Instant.now())), 403, "no-signing-right");
    assertProblem(interim.get(rightAt(from.minusSeconds(1))), 403, "no-signing-right");
    JsonNode within = ok(interim.get(rightAt(from.plus(Duration.ofHours(2)))));
    assertThat(within.path("signatoryId").asLong()).isEqualTo(interimId);
    assertThat(within.path("keyId").asLong()).isEqualTo(keys.get(3));
    assertThat(within.path("onBehalfOf").path("delegatorName").asText()).isEqualTo("Karim Benali");
    assertThat(within.path("onBehalfOf").path("delegatorTitle").asText())
        .isEqualTo("Président du conseil communal");
    assertThat(within.path("onBehalfOf").path("reference").asText())
        .isEqualTo(mandate.path("reference").asText());
    assertThat(ok(interim.get(rightAt(until.minusSeconds(1)))).path("keyId").asLong())
        .isEqualTo(keys.get(3));
    assertProblem(interim.get(rightAt(until)), 403, "no-signing-right");

    // A mandate in force now, ended early: the interim can no longer sign from then on.
    JsonNode now =
        created(
            admin.post(
                "api/tenants/" + COMMUNE + "/mandates",
                mandate(
                    presidentId,
                    interimId,
                    Instant.now().minus(Duration.ofMinutes(1)),
                    Instant.now().plus(Duration.ofHours(1)),
                    "POST_ELECTION_GAP")));
    assertThat(now.path("inForce").asBoolean()).isTrue();
    assertThat(
            ok(interim.get(tenant("signature-keys/signing-right")))
                .path("onBehalfOf")
                .path("reference")
                .asText())
        .isEqualTo(now.path("reference").asText())
        .endsWith("-0002");
    JsonNode ended =
        ok(
            admin.post(
                "api/tenants/" + COMMUNE + "/mandates/" + now.path("id").asLong() + "/end",
                "{\"reason\": \"le président a repris ses fonctions\"}"));
    assertThat(ended.path("inForce").asBoolean()).isFalse();
    assertProblem(interim.get(tenant("signature-keys/signing-right")), 403, "no-signing-right");
    assertProblem(
        admin.post(
            "api/tenants/" + COMMUNE + "/mandates/" + now.path("id").asLong() + "/end", "{}"),
        409,
        "conflict");

    assertProblem(
        admin.post(
            "api/tenants/" + COMMUNE + "/mandates",
            mandate(interimId, presidentId, from, until, "ABSENCE")),
        409,
        "conflict");
    assertProblem(
        admin.post(
            "api/tenants/" + COMMUNE + "/mandates",
            mandate(presidentId, interimId, until, from, "ABSENCE")),
        409,
        "conflict");
    assertThat(ok(admin.get("api/tenants/" + COMMUNE + "/mandates"))).hasSize(2);
  }

  @Test
  @Order(5)
  void aKeyIsRenewedInTheSameSlotAndTheOldCertificateIsSuperseded() throws Exception {
    long key = keys.get(0);
    X509Certificate before = certificate(key);
    assertProblem(
        admin.post(tenant("signature-keys/" + key + "/renew"), "{\"pin\": \"000000\"}"),
        422,
        "wrong-pin");
    JsonNode renewed =
        ok(admin.post(tenant("signature-keys/" + key + "/renew"), "{\"pin\": \"" + PIN + "\"}"));
    X509Certificate after = certificate(key);
    assertThat(after.getSerialNumber()).isNotEqualTo(before.getSerialNumber());
    assertThat(after.getPublicKey()).isEqualTo(before.getPublicKey());
    assertThat(after.getNotAfter()).isAfterOrEqualTo(before.getNotAfter());
    assertThat(renewed.path("certificateSerial").asText())
        .isEqualTo(after.getSerialNumber().toString(16));
    assertThat(ok(admin.get("api/tenants/" + COMMUNE)).path("signatureKeys").path("inUse").asInt())
        .as("the same slot")
        .isEqualTo(4);
    assertThat(ocsp(before)).isInstanceOf(RevokedStatus.class);
    assertThat(((RevokedStatus) ocsp(before)).getRevocationReason())
        .isEqualTo(CRLReason.superseded);
    assertThat(ocsp(after)).isEqualTo(CertificateStatus.GOOD);
  }

  @Test
  @Order(6)
  void aRevokedKeyCannotSignAndTheDevelopmentCaSaysItsCertificateIsRevoked() throws Exception {
    long key = keys.get(0);
    X509Certificate certificate = certificate(key);
    JsonNode revoked =
        ok(
            admin.post(
                tenant("signature-keys/" + key + "/revoke"),
                "{\"reason\": \"fin de mandat\", \"keyCompromised\": false}"));
    assertThat(revoked.path("status").asText()).isEqualTo("REVOKED");
    assertThat(revoked.path("revocationReason").asText()).isEqualTo("fin de mandat");

    JsonNode refused =
        assertProblem(
            president.get(tenant("signature-keys/signing-right")), 403, "signing-key-unusable");
    assertThat(refused.path("detail").asText()).contains("revoked");

    CertificateStatus status = ocsp(certificate);
    assertThat(status).isInstanceOf(RevokedStatus.class);
    assertThat(((RevokedStatus) status).getRevocationReason())
        .isEqualTo(CRLReason.cessationOfOperation);
    X509CRL crl =
        (X509CRL)
            CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(devCaBytes("issuing.crl")));
    assertThat(crl.getRevokedCertificate(certificate.getSerialNumber())).isNotNull();
    assertThat(ok(admin.get("api/tenants/" + COMMUNE)).path("signatureKeys").path("inUse").asInt())
        .as("a revoked key frees its slot")
        .isEqualTo(3);
  }

  @Test
  @Order(7)
  void everyChangeIsInTheTenantsAuditTrail() {
    JsonNode entries =
        ok(admin.get("api/tenants/" + COMMUNE + "/audit?limit=1000")).path("entries");
    List<String> actions = new ArrayList<>();
    entries.forEach(e -> actions.add(e.path("action").asText()));
    assertThat(actions)
        .contains(
            "signature-key.issued",
            "extra-keys.recorded",
            "mandate.granted",
            "mandate.ended",
            "signature-key.renewed",
            "signature-key.revoked");
    assertThat(ok(admin.get("api/tenants/" + COMMUNE + "/audit/verify")).path("intact").asBoolean())
        .isTrue();
  }

  // --- helpers -------------------------------------------------------------------------------

  static Http account(Http national, String username, String role) {
    created(
        national.post(
            "api/admin/accounts",
            "{\"username\": \""
                + username
                + "\", \"displayName\": \""
                + username
                + "\", \"password\": \""
                + PASSWORD
                + "\", \"grants\": [{\"role\": \""
                + role
                + "\", \"tenant\": \""
                + COMMUNE
                + "\"}]}"));
    return http.signIn(username, PASSWORD);
  }

  static long signatory(String name, String title, String cin) {
    return created(
            admin.post(
                tenant("signatories"),
                "{\"fullName\": \""
                    + name
                    + "\", \"title\": \""
                    + title
                    + "\", \"cin\": \""
                    + cin
                    + "\"}"))
        .path("id")
        .asLong();
  }

  static String tenant(String path) {
    return "api/tenants/" + COMMUNE + "/" + path;
  }

  static String rightAt(Instant at) {
    return tenant("signature-keys/signing-right?at=" + at);
  }

  static String newKey(long signatory, String label) {
    return "{\"signatoryId\": "
        + signatory
        + ", \"label\": \""
        + label
        + "\", \"pin\": \""
        + PIN
        + "\"}";
  }

  static String mandate(long delegator, long interim, Instant from, Instant until, String reason) {
    return "{\"delegatorId\": "
        + delegator
        + ", \"interimId\": "
        + interim
        + ", \"validFrom\": \""
        + from
        + "\", \"validUntil\": \""
        + until
        + "\", \"reason\": \""
        + reason
        + "\"}";
  }

  static X509Certificate certificate(long key) throws Exception {
    HttpResponse<byte[]> response =
        http.sendBytes(
            admin.request(tenant("signature-keys/" + key + "/certificate")).GET().build());
    assertThat(response.statusCode()).isEqualTo(200);
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(response.body()));
  }

  static X509Certificate devCa(String name) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(devCaBytes(name)));
  }

  static byte[] devCaBytes(String name) {
    HttpResponse<byte[]> response =
        http.sendBytes(http.request("api/public/dev-ca/" + name).GET().build());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  static CertificateStatus ocsp(X509Certificate certificate) throws Exception {
    X509Certificate issuing = devCa("issuing.cer");
    byte[] request =
        new OCSPReqBuilder()
            .addRequest(
                new JcaCertificateID(
                    new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    issuing,
                    certificate.getSerialNumber()))
            .build()
            .getEncoded();
    HttpResponse<byte[]> response =
        http.sendBytes(
            http.request("api/public/dev-ca/ocsp")
                .header("Content-Type", "application/ocsp-request")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request))
                .build());
    assertThat(response.statusCode()).isEqualTo(200);
    BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(response.body()).getResponseObject();
    assertThat(
            basic.isSignatureValid(
                new JcaContentVerifierProviderBuilder().build(issuing.getPublicKey())))
        .isTrue();
    SingleResp single = basic.getResponses()[0];
    assertThat(single.getCertID().getSerialNumber()).isEqualTo(certificate.getSerialNumber());
    return single.getCertStatus();
  }

  static JsonNode created(Http.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json();
  }

  static JsonNode ok(Http.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }
}
