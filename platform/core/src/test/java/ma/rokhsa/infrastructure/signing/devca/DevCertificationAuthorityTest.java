package ma.rokhsa.infrastructure.signing.devca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.security.auth.x500.X500Principal;
import ma.rokhsa.infrastructure.signing.PadesLevel;
import ma.rokhsa.infrastructure.signing.PadesSigner;
import ma.rokhsa.infrastructure.signing.SignatureDetails;
import ma.rokhsa.infrastructure.signing.SigningException;
import ma.rokhsa.infrastructure.signing.SigningKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaCertificateID;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The development CA on the real schema (H2, every migration) and a PKCS#12 file. */
class DevCertificationAuthorityTest {

  private static final URI PUBLIC_URL = URI.create("https://rokhsa.example.ma/");
  private static final Signatory NABILA =
      new Signatory("Nabila Rmili", "BK123456", "casablanca", "Commune de Casablanca");

  @TempDir Path directory;
  private JdbcDataSource database;
  private DevCertificationAuthority ca;

  @BeforeEach
  void open() {
    database = new JdbcDataSource();
    database.setURL(
        "jdbc:h2:mem:devca-"
            + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    database.setUser("rokhsa");
    database.setPassword("rokhsa");
    Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
    ca = reopen("secret");
  }

  private DevCertificationAuthority reopen(String password) {
    return DevCertificationAuthority.open(
        directory,
        password.toCharArray(),
        PUBLIC_URL,
        new JdbcIssuedCertificates(database),
        Clock.systemUTC());
  }

  @Test
  void aCertificateFromACsrNamesTheSignatoryTheTenantAndThePlatformsUrls() throws Exception {
    KeyPair keys = ecKeys();
    PKCS10CertificationRequest csr =
        new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=whatever"), keys.getPublic())
            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));

    X509Certificate certificate = ca.issue(csr, NABILA, Duration.ofDays(365));

    String subject = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
    assertThat(subject)
        .contains("CN=Nabila Rmili")
        .contains("2.5.4.5=#") // serialNumber, as RFC 2253 prints unknown-to-it attributes
        .contains("OU=casablanca")
        .contains("O=Commune de Casablanca");
    assertThat(certificate.getSubjectX500Principal().toString())
        .contains("SERIALNUMBER=IDCMA-BK123456");
    assertThat(certificate.getPublicKey()).isEqualTo(keys.getPublic());
    assertThat(certificate.getKeyUsage()[0]).as("digitalSignature").isTrue();
    assertThat(certificate.getKeyUsage()[1]).as("nonRepudiation").isTrue();
    assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
    certificate.verify(ca.issuingCertificate().getPublicKey());
    ca.issuingCertificate().verify(ca.rootCertificate().getPublicKey());
    String extensions =
        new String(certificate.getEncoded(), java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(extensions)
        .contains("https://rokhsa.example.ma/api/public/dev-ca/issuing.crl")
        .contains("https://rokhsa.example.ma/api/public/dev-ca/ocsp");
  }

  @Test
  void aCsrWhoseSignatureIsWrongIsRefused() throws Exception {
    KeyPair keys = ecKeys();
    KeyPair other = ecKeys();
    PKCS10CertificationRequest forged =
        new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=x"), keys.getPublic())
            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(other.getPrivate()));

    assertThatThrownBy(() -> ca.issue(forged, NABILA, Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRevocationShowsInTheCrlAndOcspAndSurvivesARestart() throws Exception {
    X509Certificate certificate = ca.issue(ecKeys().getPublic(), NABILA, Duration.ofDays(365));
    assertThat(status(certificate)).isNull(); // good

    assertThat(ca.revoke(certificate.getSerialNumber(), CRLReason.keyCompromise)).isTrue();
    assertThat(ca.revoke(certificate.getSerialNumber(), CRLReason.keyCompromise))
        .as("once only")
        .isFalse();

    DevCertificationAuthority restarted = reopen("secret");
    assertThat(restarted.rootCertificate()).isEqualTo(ca.rootCertificate());
    X509CRL crl =
        (X509CRL)
            java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCRL(new java.io.ByteArrayInputStream(restarted.issuingCrl()));
    crl.verify(restarted.issuingCertificate().getPublicKey());
    assertThat(crl.getRevokedCertificate(certificate)).isNotNull();
    assertThat(crl.getRevokedCertificate(certificate).getRevocationReason())
        .isEqualTo(java.security.cert.CRLReason.KEY_COMPROMISE);
    ca = restarted;
    assertThat(status(certificate)).isInstanceOf(RevokedStatus.class);
    assertThat(((RevokedStatus) status(certificate)).getRevocationReason())
        .isEqualTo(CRLReason.keyCompromise);
  }

  @Test
  void aRevokedKeyCannotSign() throws Exception {
    KeyPair keys = ecKeys();
    X509Certificate certificate = ca.issue(keys.getPublic(), NABILA, Duration.ofDays(365));
    ca.revoke(certificate.getSerialNumber(), CRLReason.superseded);
    PadesSigner signer = new PadesSigner(Optional.of(ca), Optional.of(ca), Clock.systemUTC());

    assertThatThrownBy(
            () ->
                signer.sign(
                    minimalPdf(),
                    SigningKey.of(keys.getPrivate(), List.of(certificate, ca.issuingCertificate())),
                    new SignatureDetails("Nabila Rmili", "Test", "Casablanca"),
                    PadesLevel.B_LT))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("revoked");
  }

  @Test
  void theWrongPasswordDoesNotOpenTheCa() {
    assertThatThrownBy(() -> reopen("not the password")).hasMessageContaining("development CA");
  }

  @Test
  void ocspAnswersMalformedRequestsAndUnknownSerials() throws Exception {
    assertThat(new OCSPResp(ca.respond(new byte[] {1, 2, 3})).getStatus())
        .isEqualTo(OCSPResp.MALFORMED_REQUEST);
    X509Certificate certificate = ca.issue(ecKeys().getPublic(), NABILA, Duration.ofDays(1));
    byte[] request =
        new OCSPReqBuilder()
            .addRequest(
                new JcaCertificateID(
                    new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    ca.issuingCertificate(),
                    certificate.getSerialNumber().add(BigInteger.ONE)))
            .build()
            .getEncoded();
    BasicOCSPResp response = (BasicOCSPResp) new OCSPResp(ca.respond(request)).getResponseObject();
    assertThat(response.getResponses()[0].getCertStatus())
        .isInstanceOf(org.bouncycastle.cert.ocsp.UnknownStatus.class);
  }

  private Object status(X509Certificate certificate) throws Exception {
    byte[] ocsp = ca.ocsp(certificate, ca.issuingCertificate()).orElseThrow();
    BasicOCSPResp response = (BasicOCSPResp) new OCSPResp(ocsp).getResponseObject();
    assertThat(
            response.isSignatureValid(
                new JcaContentVerifierProviderBuilder()
                    .build(ca.issuingCertificate().getPublicKey())))
        .isTrue();
    return response.getResponses()[0].getCertStatus();
  }

  private static KeyPair ecKeys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static byte[] minimalPdf() throws Exception {
    try (org.apache.pdfbox.pdmodel.PDDocument document =
        new org.apache.pdfbox.pdmodel.PDDocument()) {
      document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }
}
