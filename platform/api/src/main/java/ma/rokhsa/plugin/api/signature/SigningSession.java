package ma.rokhsa.plugin.api.signature;

import java.security.cert.X509Certificate;
import java.util.List;
import ma.rokhsa.plugin.api.Incubating;

/**
 * One credential, unlocked by its PIN for as long as the session is open: its certificate chain,
 * and as many signatures as a batch needs. Made by {@link SignatureProvider#open}; whoever opened
 * it closes it, at once after the batch (try-with-resources): closing locks the credential again
 * and releases what the provider holds (the token's login, the private key in memory). A closed
 * session signs nothing. One thread at a time.
 *
 * <pre>{@code
 * try (SigningSession session = provider.open(credentialId, pin)) {
 *   byte[] signature = session.sign("SHA256withRSA", toBeSigned);
 * }
 * }</pre>
 */
@Incubating
public interface SigningSession extends AutoCloseable {

  /** The credential this session signs with. */
  String credentialId();

  /** Its certificate chain, signer's certificate first. */
  List<X509Certificate> certificateChain();

  /**
   * Signs {@code data} with the credential's private key.
   *
   * @param algorithm the JCA signature algorithm ({@code SHA256withRSA}, {@code SHA256withECDSA});
   *     the algorithm hashes {@code data} itself
   * @param data the bytes to be signed (for CMS, the DER of the signed attributes)
   * @return the signature value
   * @throws SigningFailure {@link SigningFailure.Reason#CLOSED CLOSED} once the session is closed;
   *     {@link SigningFailure.Reason#INVALID_REQUEST INVALID_REQUEST} for an algorithm the key does
   *     not fit
   */
  byte[] sign(String algorithm, byte[] data) throws SigningFailure;

  /** Whether it can still sign. */
  boolean isOpen();

  /** Locks the credential again; idempotent. */
  @Override
  void close();
}
