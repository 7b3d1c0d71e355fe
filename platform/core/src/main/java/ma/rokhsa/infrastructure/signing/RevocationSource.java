package ma.rokhsa.infrastructure.signing;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Where the revocation status of a certificate is asked: the OCSP responder and CRL distribution
 * point its certificate names ({@link HttpRevocationSource}), or the development CA in process.
 * What it returns is embedded as is in the document's DSS dictionary (PAdES B-LT).
 */
public interface RevocationSource {

  /** A DER OCSPResponse about {@code certificate}, if it has an OCSP responder. */
  Optional<byte[]> ocsp(X509Certificate certificate, X509Certificate issuer) throws IOException;

  /** A DER CRL of {@code certificate}'s issuer that covers it, if it names a CRL. */
  Optional<byte[]> crl(X509Certificate certificate) throws IOException;
}
