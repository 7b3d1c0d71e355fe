package ma.rokhsa.infrastructure.signing;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Small certificate helpers shared by the signer and the validator. */
final class Chains {

  private Chains() {}

  /** The certificate among {@code candidates} whose key signed {@code certificate}. */
  static Optional<X509Certificate> issuerOf(
      X509Certificate certificate, Collection<X509Certificate> candidates) {
    for (X509Certificate candidate : candidates) {
      if (candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
          && signedBy(certificate, candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
    try {
      certificate.verify(issuer.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  static boolean selfSigned(X509Certificate certificate) {
    return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
        && signedBy(certificate, certificate);
  }

  /** {@code leaf}, then its issuers found in {@code pool}, as far as they go. */
  static List<X509Certificate> path(X509Certificate leaf, Collection<X509Certificate> pool) {
    List<X509Certificate> path = new ArrayList<>();
    X509Certificate current = leaf;
    while (current != null && !path.contains(current)) {
      path.add(current);
      if (selfSigned(current)) {
        break;
      }
      current = issuerOf(current, pool).orElse(null);
    }
    return path;
  }

  static X509CRL crl(byte[] der) throws GeneralSecurityException {
    return (X509CRL)
        CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
  }

  static X509Certificate certificate(byte[] der) throws GeneralSecurityException {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }

  static boolean revokedIn(X509Certificate certificate, byte[] crl)
      throws GeneralSecurityException {
    return crl(crl).isRevoked(certificate);
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }
}
