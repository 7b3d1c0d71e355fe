package ma.rokhsa.tools.pluginsigner;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs plugin zips as Rokhsa wants them: a detached CMS signature (PKCS #7, DER) over the zip's
 * bytes, SHA-256 with RSA, carrying the signer's certificate, written next to the zip as {@code
 * <zip>.p7s}. The same signature, base64, is what the admin API's {@code Plugin-Signature} header
 * takes.
 *
 * <pre>{@code
 * PluginSigner signer = PluginSigner.fromPem(Path.of("key.pem"), Path.of("cert.pem"));
 * signer.signFile(Path.of("plugins/permis-de-construire.zip")); // writes …zip.p7s
 * }</pre>
 *
 * <p>From the command line: {@code java -cp … ma.rokhsa.tools.pluginsigner.PluginSigner --key
 * key.pem --cert cert.pem <zip or directory of zips>…}
 */
public final class PluginSigner {

  /** The file suffix of a detached signature next to its zip. */
  public static final String SUFFIX = ".p7s";

  private static final BouncyCastleProvider BC = new BouncyCastleProvider();

  private final PrivateKey key;
  private final X509Certificate certificate;

  public PluginSigner(PrivateKey key, X509Certificate certificate) {
    this.key = key;
    this.certificate = certificate;
  }

  /** A signer from a PEM private key (PKCS #8 or traditional RSA) and its PEM certificate. */
  public static PluginSigner fromPem(Path keyFile, Path certificateFile) throws IOException {
    JcaPEMKeyConverter keys = new JcaPEMKeyConverter().setProvider(BC);
    PrivateKey key;
    try (Reader in = Files.newBufferedReader(keyFile);
        PEMParser parser = new PEMParser(in)) {
      Object read = parser.readObject();
      if (read instanceof PrivateKeyInfo info) {
        key = keys.getPrivateKey(info);
      } else if (read instanceof PEMKeyPair pair) {
        key = keys.getKeyPair(pair).getPrivate();
      } else {
        throw new IOException(keyFile + " holds no unencrypted private key");
      }
    }
    try (Reader in = Files.newBufferedReader(certificateFile);
        PEMParser parser = new PEMParser(in)) {
      if (!(parser.readObject() instanceof X509CertificateHolder holder)) {
        throw new IOException(certificateFile + " holds no certificate");
      }
      return new PluginSigner(
          key, new JcaX509CertificateConverter().setProvider(BC).getCertificate(holder));
    } catch (GeneralSecurityException e) {
      throw new IOException(certificateFile + ": " + e.getMessage(), e);
    }
  }

  /** The detached CMS signature (DER) of these bytes. */
  public byte[] sign(byte[] zip) {
    try {
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(
          new JcaSignerInfoGeneratorBuilder(
                  new JcaDigestCalculatorProviderBuilder().setProvider(BC).build())
              .build(
                  new JcaContentSignerBuilder("SHA256withRSA").setProvider(BC).build(key),
                  certificate));
      generator.addCertificates(new JcaCertStore(List.of(certificate)));
      return generator.generate(new CMSProcessableByteArray(zip), false).getEncoded();
    } catch (OperatorCreationException | GeneralSecurityException | CMSException e) {
      throw new IllegalStateException("cannot sign: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode the signature: " + e.getMessage(), e);
    }
  }

  /** Signs a zip file; writes and returns {@code <zip>.p7s}. */
  public Path signFile(Path zip) throws IOException {
    Path signature = zip.resolveSibling(zip.getFileName() + SUFFIX);
    Files.write(signature, sign(Files.readAllBytes(zip)));
    return signature;
  }

  /**
   * {@code --key key.pem --cert cert.pem <zip or directory>…}: signs each zip, and every {@code
   * *.zip} of each directory.
   */
  public static void main(String[] args) throws IOException {
    Path key = null;
    Path certificate = null;
    List<Path> targets = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--key" -> key = Path.of(args[++i]);
        case "--cert" -> certificate = Path.of(args[++i]);
        default -> targets.add(Path.of(args[i]));
      }
    }
    if (key == null || certificate == null || targets.isEmpty()) {
      throw new IllegalArgumentException(
          "usage: PluginSigner --key key.pem --cert cert.pem <zip or directory of zips>…");
    }
    PluginSigner signer = fromPem(key, certificate);
    int signed = 0;
    for (Path target : targets) {
      for (Path zip : zips(target)) {
        signer.signFile(zip);
        signed++;
      }
    }
    System.out.println(
        "Signed "
            + signed
            + " plugin zip(s) as "
            + signer.certificate.getSubjectX500Principal().getName());
  }

  private static List<Path> zips(Path target) throws IOException {
    if (!Files.isDirectory(target)) {
      return List.of(target);
    }
    List<Path> zips = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(target, "*.zip")) {
      stream.forEach(zips::add);
    }
    zips.sort(null);
    return zips;
  }
}
