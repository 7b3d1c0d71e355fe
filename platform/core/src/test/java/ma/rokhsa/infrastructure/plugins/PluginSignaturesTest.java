package ma.rokhsa.infrastructure.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import ma.rokhsa.tools.pluginsigner.PluginSigner;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real CMS signatures made with BouncyCastle, checked against real trust anchors. */
class PluginSignaturesTest {

  static final BouncyCastleProvider BC = new BouncyCastleProvider();
  static final byte[] ZIP = "PK… a plugin".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  record Party(KeyPair keys, X509Certificate certificate) {}

  static KeyPair keys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  static Party party(String name, Party issuer, Instant notAfter) throws Exception {
    KeyPair keys = keys();
    X500Principal subject = new X500Principal("CN=" + name + ",O=Test,C=MA");
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuer == null ? subject : issuer.certificate().getSubjectX500Principal(),
            BigInteger.valueOf(now.toEpochMilli()),
            Date.from(now.minus(1, ChronoUnit.DAYS)),
            Date.from(notAfter),
            subject,
            keys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(issuer == null));
    ContentSigner signer =
        new JcaContentSignerBuilder("SHA256withRSA")
            .setProvider(BC)
            .build(issuer == null ? keys.getPrivate() : issuer.keys().getPrivate());
    X509Certificate certificate =
        new JcaX509CertificateConverter().setProvider(BC).getCertificate(builder.build(signer));
    return new Party(keys, certificate);
  }

  static byte[] sign(byte[] data, Party signer) throws Exception {
    CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
    generator.addSignerInfoGenerator(
        new JcaSignerInfoGeneratorBuilder(
                new JcaDigestCalculatorProviderBuilder().setProvider(BC).build())
            .build(
                new JcaContentSignerBuilder("SHA256withRSA")
                    .setProvider(BC)
                    .build(signer.keys().getPrivate()),
                signer.certificate()));
    generator.addCertificates(new JcaCertStore(List.of(signer.certificate())));
    return generator.generate(new CMSProcessableByteArray(data), false).getEncoded();
  }

  Path pem(X509Certificate... certificates) throws Exception {
    StringBuilder pem = new StringBuilder();
    for (X509Certificate certificate : certificates) {
      pem.append("-----BEGIN CERTIFICATE-----\n")
          .append(
              Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                  .encodeToString(certificate.getEncoded()))
          .append("\n-----END CERTIFICATE-----\n");
    }
    Path file = Files.createTempFile(dir, "anchors", ".pem");
    Files.writeString(file, pem);
    return file;
  }

  @Test
  void aVendorCertifiedByATrustedAuthorityIsAccepted() throws Exception {
    Party ca = party("Autorité de test", null, Instant.now().plus(3650, ChronoUnit.DAYS));
    Party vendor = party("Éditeur", ca, Instant.now().plus(365, ChronoUnit.DAYS));
    PluginSignatures signatures = PluginSignatures.trusting(Optional.of(pem(ca.certificate())));

    assertThat(signatures.verify(ZIP, sign(ZIP, vendor), Instant.now())).contains("CN=Éditeur");
  }

  @Test
  void aTrustedSelfSignedVendorIsAccepted() throws Exception {
    Party vendor = party("Éditeur autonome", null, Instant.now().plus(365, ChronoUnit.DAYS));

    assertThat(
            PluginSignatures.trusting(Optional.of(pem(vendor.certificate())))
                .verify(ZIP, sign(ZIP, vendor), Instant.now()))
        .contains("Éditeur autonome");
  }

  @Test
  void theSignerOfADetachedSignatureIsReadToCompareAnUpgradeWithTheVersionItReplaces()
      throws Exception {
    Party ca = party("Autorité de test", null, Instant.now().plus(3650, ChronoUnit.DAYS));
    Party vendor = party("Éditeur", ca, Instant.now().plus(365, ChronoUnit.DAYS));
    Party renewed = party("Éditeur", ca, Instant.now().plus(730, ChronoUnit.DAYS));
    Party other = party("Autre éditeur", ca, Instant.now().plus(365, ChronoUnit.DAYS));

    assertThat(PluginSignatures.signerOf(sign(ZIP, vendor)))
        .as("a renewed certificate (new key) of the same subject is the same signer")
        .isEqualTo(PluginSignatures.signerOf(sign(ZIP, renewed)))
        .hasValue(vendor.certificate().getSubjectX500Principal());
    assertThat(PluginSignatures.signerOf(sign(ZIP, other)))
        .isNotEqualTo(PluginSignatures.signerOf(sign(ZIP, vendor)));
    assertThat(PluginSignatures.signerOf(null)).isEmpty();
    assertThat(PluginSignatures.signerOf(new byte[] {1, 2, 3})).isEmpty();
  }

  @Test
  void aTamperedZipIsRefused() throws Exception {
    Party vendor = party("Éditeur", null, Instant.now().plus(365, ChronoUnit.DAYS));
    byte[] signature = sign(ZIP, vendor);
    byte[] tampered = ZIP.clone();
    tampered[3] ^= 1;

    assertThatThrownBy(
            () ->
                PluginSignatures.trusting(Optional.of(pem(vendor.certificate())))
                    .verify(tampered, signature, Instant.now()))
        .isInstanceOf(SecurityException.class)
        .hasMessageContaining("does not match");
  }

  @Test
  void anUntrustedVendorIsRefused() throws Exception {
    Party trusted = party("Autorité de confiance", null, Instant.now().plus(3650, ChronoUnit.DAYS));
    Party stranger = party("Inconnu", null, Instant.now().plus(365, ChronoUnit.DAYS));

    assertThatThrownBy(
            () ->
                PluginSignatures.trusting(Optional.of(pem(trusted.certificate())))
                    .verify(ZIP, sign(ZIP, stranger), Instant.now()))
        .isInstanceOf(SecurityException.class)
        .hasMessageContaining("not trusted");
  }

  @Test
  void anUnsignedZipAndAnExpiredSignerAreRefused() throws Exception {
    Party vendor = party("Éditeur", null, Instant.now().plus(1, ChronoUnit.DAYS));
    PluginSignatures signatures = PluginSignatures.trusting(Optional.of(pem(vendor.certificate())));
    byte[] signature = sign(ZIP, vendor);

    assertThatThrownBy(() -> signatures.verify(ZIP, new byte[0], Instant.now()))
        .hasMessageContaining("not signed");
    assertThatThrownBy(
            () -> signatures.verify(ZIP, signature, Instant.now().plus(30, ChronoUnit.DAYS)))
        .isInstanceOf(SecurityException.class);
    assertThatThrownBy(
            () -> PluginSignatures.trusting(Optional.empty()).verify(ZIP, signature, Instant.now()))
        .hasMessageContaining("not trusted");
  }

  static final Path DEV_SIGNING = Path.of("../../plugins/src/dev-signing");

  @Test
  void whatTheBuildSignsWithTheDevelopmentKeyVerifiesAndIsRecognizedAsDevelopmentOnly()
      throws Exception {
    PluginSigner signer =
        PluginSigner.fromPem(
            DEV_SIGNING.resolve("dev-signing-key.pem"),
            DEV_SIGNING.resolve("dev-signing-cert.pem"));
    PluginSignatures development =
        PluginSignatures.trusting(Optional.of(DEV_SIGNING.resolve("dev-signing-cert.pem")));
    byte[] signature = signer.sign(ZIP);

    assertThat(development.verify(ZIP, signature, Instant.now()))
        .contains("DEVELOPMENT ONLY - NEVER IN PRODUCTION");
    assertThat(development.trustsDevelopmentKey()).isTrue();
    byte[] tampered = ZIP.clone();
    tampered[0] ^= 1;
    assertThatThrownBy(() -> development.verify(tampered, signature, Instant.now()))
        .hasMessageContaining("does not match");

    Party vendor = party("Éditeur", null, Instant.now().plus(365, ChronoUnit.DAYS));
    PluginSignatures production = PluginSignatures.trusting(Optional.of(pem(vendor.certificate())));
    assertThat(production.trustsDevelopmentKey()).isFalse();
    assertThatThrownBy(() -> production.verify(ZIP, signature, Instant.now()))
        .hasMessageContaining("not trusted");
    assertThat(PluginSignatures.trusting(Optional.empty()).trustsDevelopmentKey()).isFalse();
  }
}
