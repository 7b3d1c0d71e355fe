package ma.rokhsa.domain.model.signature;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Real keys and certificates for the tests (BouncyCastle), self-issued by a test authority. */
public final class TestCertificates {

  private static final KeyPair AUTHORITY = keyPair();
  private static long serial = 100;

  private TestCertificates() {}

  public static KeyPair keyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(256);
      return generator.generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A certificate for this key, valid between the two instants. */
  public static synchronized X509Certificate certificate(
      KeyPair subject, Instant notBefore, Instant notAfter) {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(
              new JcaX509v3CertificateBuilder(
                      new X500Name("CN=Rokhsa test authority"),
                      BigInteger.valueOf(serial++),
                      Date.from(notBefore),
                      Date.from(notAfter),
                      new X500Name("CN=Karim Benali, O=Commune de Lbir Jdid"),
                      subject.getPublic())
                  .build(
                      new JcaContentSignerBuilder("SHA256withECDSA")
                          .build(AUTHORITY.getPrivate())));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
