package ma.rokhsa.plugin.testkit.signature;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certification authority made for one test: an RSA root that issues signatory certificates
 * (digitalSignature, nonRepudiation), valid from an hour ago for a year. Holds no resource.
 *
 * <pre>{@code
 * TestAuthority authority = new TestAuthority();
 * provider.storeCertificateChain(credential.id(), authority.issue("Karim Benali", credential.publicKey()), pin);
 * }</pre>
 */
public final class TestAuthority {

  private final KeyPair keys;
  private final X509Certificate root;
  private long serial = 1;

  public TestAuthority() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    keys = generator.generateKeyPair();
    X500Name name = new X500Name("CN=Rokhsa test root, O=Rokhsa, C=MA");
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            name,
            BigInteger.valueOf(serial++),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(Duration.ofDays(365))),
            name,
            keys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    root = sign(builder);
  }

  /**
   * The chain of a signatory certificate for this public key, the signer's first, then the root.
   */
  public List<X509Certificate> issue(String commonName, PublicKey publicKey) throws Exception {
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            root,
            BigInteger.valueOf(serial++),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(Duration.ofDays(365))),
            new X500Name("CN=" + commonName + ", O=Commune de Lbir Jdid, C=MA"),
            publicKey);
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(
        Extension.keyUsage,
        true,
        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
    return List.of(sign(builder), root);
  }

  private X509Certificate sign(JcaX509v3CertificateBuilder builder) throws Exception {
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
  }
}
