package ma.rokhsa.application;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * Who certifies a signatory's new credential. In demo mode the development CA issues the
 * certificate at once (and revokes it when the key is revoked: its CRL and OCSP say so); in
 * production nothing is issued here: the credential's public key goes to the configured issuing
 * process (Barid eSign) and the chain it returns is uploaded ({@link
 * SignatureKeyService#storeCertificateChain}).
 */
public interface CertificateIssuing {

  /**
   * What a signatory certificate names.
   *
   * @param name the signatory's full name
   * @param cin their national identity card number
   * @param tenantId the tenant they sign for
   * @param tenantName its name
   */
  record Subject(String name, String cin, String tenantId, String tenantName) {}

  /**
   * Issues a certificate for {@code publicKey} at once, if this platform does that.
   *
   * @return the chain, the signatory's certificate first; empty when certificates come from an
   *     issuing process outside the platform
   */
  Optional<List<X509Certificate>> issue(PublicKey publicKey, Subject subject);

  /**
   * Issues a renewed certificate for the same public key, if this platform does that. The current
   * one stays valid until {@link #replaced} (once the new one is stored with the key).
   *
   * @return the new chain; empty as for {@link #issue}
   */
  Optional<List<X509Certificate>> renew(X509Certificate current, Subject subject);

  /**
   * Tells the issuer that a key's certificate was replaced by a renewed one (the development CA
   * revokes it as {@code superseded}: documents signed before stay valid; a production issuer does
   * this in its own process, so nothing happens there).
   */
  void replaced(X509Certificate replaced);

  /**
   * Tells the issuer that a certificate's key was revoked (the development CA revokes the
   * certificate; a production issuer is told by its own process, so this does nothing there).
   *
   * @param keyCompromised whether the private key may be known to others (the CRL and OCSP say
   *     {@code keyCompromise}, otherwise {@code cessationOfOperation})
   */
  void revoked(X509Certificate certificate, boolean keyCompromised);
}
