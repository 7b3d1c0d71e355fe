package ma.rokhsa.tools.pluginsigner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.util.Selector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed development key signs real, detached CMS signatures that BouncyCastle checks. */
class PluginSignerTest {

  static final Path DEV_SIGNING = Path.of("../../plugins/src/dev-signing");

  @TempDir Path dir;

  @Test
  void signsEveryZipOfADirectoryWithADetachedSignatureThatMatchesOnlyItsZip() throws Exception {
    Path zip = Files.write(dir.resolve("demo.zip"), "PK a plugin".getBytes(StandardCharsets.UTF_8));
    Files.writeString(dir.resolve("notes.txt"), "not a zip");

    PluginSigner.main(
        new String[] {
          "--key",
          DEV_SIGNING.resolve("dev-signing-key.pem").toString(),
          "--cert",
          DEV_SIGNING.resolve("dev-signing-cert.pem").toString(),
          dir.toString()
        });

    Path p7s = dir.resolve("demo.zip.p7s");
    assertThat(p7s).isRegularFile();
    assertThat(dir.resolve("notes.txt.p7s")).doesNotExist();
    byte[] signature = Files.readAllBytes(p7s);
    assertThat(new CMSSignedData(signature).getSignedContent())
        .as("detached: the zip is not inside")
        .isNull();
    assertThat(verifies(Files.readAllBytes(zip), signature)).isTrue();
    byte[] tampered = Files.readAllBytes(zip);
    tampered[0] ^= 1;
    assertThat(verifies(tampered, signature)).isFalse();
  }

  static boolean verifies(byte[] content, byte[] signature) throws Exception {
    CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(content), signature);
    SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
    @SuppressWarnings("unchecked")
    Selector<X509CertificateHolder> sid =
        (Selector<X509CertificateHolder>) (Selector<?>) signer.getSID();
    X509CertificateHolder certificate = signed.getCertificates().getMatches(sid).iterator().next();
    assertThat(certificate.getSubject().toString()).contains("DEVELOPMENT ONLY");
    try {
      return signer.verify(
          new JcaSimpleSignerInfoVerifierBuilder()
              .setProvider(new BouncyCastleProvider())
              .build(certificate));
    } catch (org.bouncycastle.cms.CMSSignerDigestMismatchException mismatch) {
      return false;
    }
  }
}
