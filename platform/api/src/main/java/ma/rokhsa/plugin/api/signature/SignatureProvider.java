package ma.rokhsa.plugin.api.signature;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import ma.rokhsa.plugin.api.Incubating;
import ma.rokhsa.plugin.api.LocalizedText;
import org.pf4j.ExtensionPoint;

/**
 * Where signatories' keys live and how they sign: a soft token, a USB token or hardware module
 * through PKCS#11, Barid eSign. The platform builds the signed document (PAdES) itself and asks the
 * provider only for a credential's certificate chain and to sign bytes with its private key, in a
 * {@link SigningSession} opened with the signatory's PIN.
 *
 * <p><b>The PIN is asked for each session and never stored</b>, by the platform or the provider:
 * {@link #open} uses it to unlock the credential and forgets it; the platform clears the array once
 * {@code open} returns. A provider that keeps it (in a field, a file, a log) is wrong.
 *
 * <pre>{@code
 * try (SigningSession session = provider.open(credentialId, pin)) {
 *   List<X509Certificate> chain = session.certificateChain();
 *   for (byte[] toBeSigned : batch) {
 *     signatures.add(session.sign("SHA256withRSA", toBeSigned));
 *   }
 * }
 * }</pre>
 *
 * <p>Signing is all a provider must do. What only some can do are default methods that say so:
 * {@link #credentials} (tokens and hardware modules know their keys), {@link #createCredential} and
 * {@link #storeCertificateChain} (a key pair made where the key will live, then the certificate the
 * platform's certification authority issued for its public key). A provider that needs settings or
 * a place for files gets them from its {@link ma.rokhsa.plugin.api.PluginContext PluginContext}
 * constructor argument. Every method may be called from several threads.
 */
@Incubating
public interface SignatureProvider extends ExtensionPoint {

  /** A stable kebab-case id ({@code pkcs12}, {@code barid-esign}): tenants choose it by it. */
  String id();

  /** Its name, as shown to tenant admins. */
  LocalizedText name();

  /**
   * Opens a signing session on a credential, unlocked with the signatory's PIN. The caller closes
   * it (try-with-resources), after one signature or a batch.
   *
   * @param credentialId the credential, as the provider names it ({@link Credential#id()})
   * @param pin the PIN (or password) that unlocks it; used here and forgotten, never stored
   * @throws SigningFailure {@link SigningFailure.Reason#WRONG_PIN WRONG_PIN}, {@link
   *     SigningFailure.Reason#LOCKED LOCKED}, {@link SigningFailure.Reason#UNKNOWN_CREDENTIAL
   *     UNKNOWN_CREDENTIAL}, {@link SigningFailure.Reason#UNAVAILABLE UNAVAILABLE}…
   */
  SigningSession open(String credentialId, char[] pin) throws SigningFailure;

  /**
   * The credentials of a signatory that this provider knows of, with their certificate chains. A
   * personal token or a module's partition lists the keys it holds; a provider that keeps no list
   * returns none (the default): the platform then knows credentials only by the ids it recorded.
   *
   * @param signatory the signatory's reference, as the platform gave it to {@link
   *     #createCredential} (a provider that cannot tell whose a key is lists all it holds)
   * @param pin the PIN, where the provider shows its keys only once unlocked (a PKCS#11 token
   *     requiring login); {@code null} where it needs none; used here and forgotten
   */
  default List<Credential> credentials(String signatory, char[] pin) throws SigningFailure {
    return List.of();
  }

  /** Whether {@link #createCredential} and {@link #storeCertificateChain} work here. */
  default boolean createsCredentials() {
    return false;
  }

  /**
   * Makes a key pair for a new credential where its private key will live (a new soft token, the
   * hardware module), protected by the PIN, and returns its public key: the platform's
   * certification authority issues the certificate, which comes back through {@link
   * #storeCertificateChain}. Until then the credential cannot sign.
   *
   * @param pin the PIN that will protect it (a new soft token's password, or the module's user
   *     PIN); used here and forgotten
   * @throws SigningFailure {@link SigningFailure.Reason#UNSUPPORTED UNSUPPORTED} by default
   */
  default NewCredential createCredential(CredentialRequest request, char[] pin)
      throws SigningFailure {
    throw new SigningFailure(
        SigningFailure.Reason.UNSUPPORTED, id() + " does not create credentials", null);
  }

  /**
   * Stores the certificate chain issued for a credential's public key with the credential. The
   * signer's certificate comes first and must certify the credential's public key.
   *
   * @param pin the credential's PIN; used here and forgotten
   * @throws SigningFailure {@link SigningFailure.Reason#UNSUPPORTED UNSUPPORTED} by default; {@link
   *     SigningFailure.Reason#INVALID_REQUEST INVALID_REQUEST} when the certificate is not for the
   *     credential's key
   */
  default void storeCertificateChain(String credentialId, List<X509Certificate> chain, char[] pin)
      throws SigningFailure {
    throw new SigningFailure(
        SigningFailure.Reason.UNSUPPORTED, id() + " does not store certificates", null);
  }

  /**
   * What the platform asks for when it creates a credential.
   *
   * @param signatory the signatory's reference on the platform (the provider may file the
   *     credential under it)
   * @param label a human label ({@code Président — 2026})
   * @param keyAlgorithm {@code RSA} or {@code EC}
   * @param keySize bits for RSA (3072 and up), the curve size for EC (256, 384)
   */
  record CredentialRequest(String signatory, String label, String keyAlgorithm, int keySize) {

    public CredentialRequest {
      if (signatory == null || signatory.isBlank()) {
        throw new IllegalArgumentException("a credential belongs to a signatory");
      }
      if (label == null || label.isBlank()) {
        throw new IllegalArgumentException("a credential needs a label");
      }
      if (!"RSA".equals(keyAlgorithm) && !"EC".equals(keyAlgorithm)) {
        throw new IllegalArgumentException("the key algorithm is RSA or EC: " + keyAlgorithm);
      }
      if ("RSA".equals(keyAlgorithm) ? keySize < 2048 : keySize < 256) {
        throw new IllegalArgumentException("key too small: " + keyAlgorithm + " " + keySize);
      }
    }

    /** An RSA 3072-bit key, the platform's default. */
    public static CredentialRequest rsa(String signatory, String label) {
      return new CredentialRequest(signatory, label, "RSA", 3072);
    }
  }

  /**
   * A credential just made: its id, by which the platform names it from now on, and its public key
   * for the certificate.
   */
  record NewCredential(String id, PublicKey publicKey) {

    public NewCredential {
      if (id == null || id.isBlank() || publicKey == null) {
        throw new IllegalArgumentException("a new credential has an id and a public key");
      }
    }
  }
}
