package ma.rokhsa.infrastructure.signing;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A signatory's key as the PAdES engine sees it: a certificate chain and an operation that signs
 * bytes. The private key never leaves whatever holds it (a PKCS#12 soft token, a PKCS#11 token, a
 * remote signing service); the engine hands it the DER of the CMS signed attributes only.
 *
 * <pre>{@code
 * SigningKey key = SigningKey.of(privateKey, chain); // or a provider's adapter
 * byte[] signed = signer.sign(pdf, key, SignatureAppearance.of("Nabila Rmili", "Casablanca"));
 * }</pre>
 */
public interface SigningKey {

  /** The signer's certificate first, then its issuers up to (and possibly including) a root. */
  List<X509Certificate> chain();

  /**
   * Signs {@code data} with the JCA algorithm named ({@code SHA256withRSA}, {@code
   * SHA256withECDSA}): the key hashes the data itself.
   */
  byte[] sign(String jcaAlgorithm, byte[] data) throws GeneralSecurityException;

  /** A key held in this JVM (tests, the development CA's demo signatories). */
  static SigningKey of(java.security.PrivateKey key, List<X509Certificate> chain) {
    List<X509Certificate> certificates = List.copyOf(chain);
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("a signing key needs at least its own certificate");
    }
    return new SigningKey() {
      @Override
      public List<X509Certificate> chain() {
        return certificates;
      }

      @Override
      public byte[] sign(String jcaAlgorithm, byte[] data) throws GeneralSecurityException {
        java.security.Signature signature = java.security.Signature.getInstance(jcaAlgorithm);
        signature.initSign(key);
        signature.update(data);
        return signature.sign();
      }
    };
  }
}
