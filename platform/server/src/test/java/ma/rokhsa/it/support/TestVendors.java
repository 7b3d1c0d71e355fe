package ma.rokhsa.it.support;

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
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** A plugin vendor for tests: its own key and self-signed certificate, signing zips in CMS. */
public final class TestVendors {

  private static final BouncyCastleProvider BC = new BouncyCastleProvider();

  private final KeyPair keys;
  private final X509Certificate certificate;

  private TestVendors(KeyPair keys, X509Certificate certificate) {
    this.keys = keys;
    this.certificate = certificate;
  }

  public static TestVendors named(String name) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair keys = generator.generateKeyPair();
      X500Principal subject = new X500Principal("CN=" + name + ",O=Tests,C=MA");
      Instant now = Instant.now();
      X509Certificate certificate =
          new JcaX509CertificateConverter()
              .setProvider(BC)
              .getCertificate(
                  new JcaX509v3CertificateBuilder(
                          subject,
                          BigInteger.valueOf(now.toEpochMilli()),
                          Date.from(now.minus(1, ChronoUnit.DAYS)),
                          Date.from(now.plus(30, ChronoUnit.DAYS)),
                          subject,
                          keys.getPublic())
                      .build(
                          new JcaContentSignerBuilder("SHA256withRSA")
                              .setProvider(BC)
                              .build(keys.getPrivate())));
      return new TestVendors(keys, certificate);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The detached CMS signature of a file, base64 as the Plugin-Signature header wants it. */
  public String sign(Path file) {
    try {
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(
          new JcaSignerInfoGeneratorBuilder(
                  new JcaDigestCalculatorProviderBuilder().setProvider(BC).build())
              .build(
                  new JcaContentSignerBuilder("SHA256withRSA")
                      .setProvider(BC)
                      .build(keys.getPrivate()),
                  certificate));
      generator.addCertificates(new JcaCertStore(List.of(certificate)));
      byte[] signature =
          generator
              .generate(new CMSProcessableByteArray(Files.readAllBytes(file)), false)
              .getEncoded();
      return Base64.getEncoder().encodeToString(signature);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the detached signature of a zip beside it, {@code <zip>.p7s}, as the build does. */
  public Path signBeside(Path zip) {
    try {
      return Files.write(
          zip.resolveSibling(zip.getFileName() + ".p7s"), Base64.getDecoder().decode(sign(zip)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Writes the vendor's certificate as a PEM trust-anchors file, followed by the certificates of
   * the given PEM files (the development certificate, say).
   */
  public Path trustAnchors(Path file, Path... alsoTrusted) {
    try {
      StringBuilder pem =
          new StringBuilder(
              "-----BEGIN CERTIFICATE-----\n"
                  + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                      .encodeToString(certificate.getEncoded())
                  + "\n-----END CERTIFICATE-----\n");
      for (Path other : alsoTrusted) {
        pem.append(Files.readString(other));
      }
      Files.writeString(file, pem);
      return file;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
