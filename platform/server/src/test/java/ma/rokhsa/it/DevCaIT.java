package ma.rokhsa.it;

import static ma.rokhsa.it.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import ma.rokhsa.it.support.Http;
import ma.rokhsa.it.support.PayaraProcess;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaCertificateID;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.Test;

/**
 * The development CA as a node in demo mode serves it ({@code ROKHSA_DEMO=true}, its own Payara
 * Micro process): certificates, CRL, OCSP and RFC 3161 time stamps over HTTP, checked with
 * BouncyCastle's clients; the same CA after a restart. (Outside demo mode it answers 404: {@code
 * PlatformIT}.)
 */
class DevCaIT {

  private static final String BASE = "api/public/dev-ca/";
  private static final Duration BOOT = Duration.ofSeconds(120);

  private Http http;

  @Test
  void aDemoNodeServesItsCaAndKeepsItAcrossARestart() throws Exception {
    Path root = Path.of(System.getProperty("rokhsa.it.dir", "target/it-data"), "dev-ca");
    Files.createDirectories(root);
    Path data = Files.createTempDirectory(root, "data-");
    byte[] first;
    try (PayaraProcess node = PayaraProcess.start("dev-ca", data, Map.of("ROKHSA_DEMO", "true"))) {
      http = node.http();
      node.awaitReady(BOOT);
      assertThat(Files.exists(data.resolve("dev-ca").resolve("dev-ca.p12")))
          .as("created at start, under the data directory")
          .isTrue();
      certificatesCrlOcspAndTimeStampsAreServed();
      aQueryThatIsNoTimeStampRequestIsA400Problem();
      first = get("root.cer", "application/pkix-cert");
      node.stop();
    }
    try (PayaraProcess node = PayaraProcess.start("dev-ca", data, Map.of("ROKHSA_DEMO", "true"))) {
      http = node.http();
      node.awaitReady(BOOT);
      assertThat(get("root.cer", "application/pkix-cert")).as("the same root").isEqualTo(first);
      node.stop();
    }
  }

  @SuppressWarnings("unchecked") // SignerId is a raw Selector
  private void certificatesCrlOcspAndTimeStampsAreServed() throws Exception {
    X509Certificate root = certificate("root.cer");
    X509Certificate issuing = certificate("issuing.cer");
    root.verify(root.getPublicKey());
    issuing.verify(root.getPublicKey());

    X509CRL crl =
        (X509CRL)
            CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(get("issuing.crl", "application/pkix-crl")));
    crl.verify(issuing.getPublicKey());

    byte[] ocspRequest =
        new OCSPReqBuilder()
            .addRequest(
                new JcaCertificateID(
                    new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    issuing,
                    BigInteger.valueOf(42)))
            .build()
            .getEncoded();
    HttpResponse<byte[]> ocsp = post("ocsp", "application/ocsp-request", ocspRequest);
    assertThat(ocsp.statusCode()).isEqualTo(200);
    assertThat(ocsp.headers().firstValue("Content-Type")).hasValue("application/ocsp-response");
    BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(ocsp.body()).getResponseObject();
    assertThat(
            basic.isSignatureValid(
                new JcaContentVerifierProviderBuilder().build(issuing.getPublicKey())))
        .isTrue();
    assertThat(basic.getResponses()[0].getCertStatus()).isInstanceOf(UnknownStatus.class);

    TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
    generator.setCertReq(true);
    TimeStampRequest request =
        generator.generate(
            TSPAlgorithms.SHA256,
            MessageDigest.getInstance("SHA-256").digest(new byte[] {1, 2, 3}),
            BigInteger.TEN);
    HttpResponse<byte[]> reply = post("tsa", "application/timestamp-query", request.getEncoded());
    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/timestamp-reply");
    TimeStampResponse response = new TimeStampResponse(reply.body());
    response.validate(request);
    org.bouncycastle.tsp.TimeStampToken token = response.getTimeStampToken();
    org.bouncycastle.cert.X509CertificateHolder holder = null;
    for (Object match : token.getCertificates().getMatches(token.getSID())) {
      holder = (org.bouncycastle.cert.X509CertificateHolder) match;
    }
    assertThat(holder).as("the TSA's certificate is in the token").isNotNull();
    X509Certificate tsa =
        new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(holder);
    tsa.verify(root.getPublicKey());
    response
        .getTimeStampToken()
        .validate(
            new JcaSimpleSignerInfoVerifierBuilder().build(new JcaX509CertificateHolder(tsa)));
  }

  private void aQueryThatIsNoTimeStampRequestIsA400Problem() {
    Http.Response response =
        http.send(
            http.request(BASE + "tsa")
                .header("Content-Type", "application/timestamp-query")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3}))
                .build());

    assertProblem(response, 400, "bad-request");
  }

  private X509Certificate certificate(String name) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(get(name, "application/pkix-cert")));
  }

  private byte[] get(String name, String type) {
    HttpResponse<byte[]> response = http.sendBytes(http.request(BASE + name).GET().build());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(type);
    return response.body();
  }

  private HttpResponse<byte[]> post(String name, String type, byte[] body) {
    return http.sendBytes(
        http.request(BASE + name)
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }
}
