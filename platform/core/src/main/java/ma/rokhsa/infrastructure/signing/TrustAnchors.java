package ma.rokhsa.infrastructure.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** Reads the trust anchors of signed documents ({@code rokhsa.signing.trust-anchors}). */
public final class TrustAnchors {

  private TrustAnchors() {}

  /** Every certificate of a PEM (or DER) file; an empty file is refused. */
  public static List<X509Certificate> read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      List<X509Certificate> anchors = new ArrayList<>();
      for (Certificate certificate :
          CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        anchors.add((X509Certificate) certificate);
      }
      if (anchors.isEmpty()) {
        throw new IOException(file + " holds no certificate");
      }
      return List.copyOf(anchors);
    } catch (GeneralSecurityException e) {
      throw new IOException(file + " is not a file of certificates", e);
    }
  }
}
