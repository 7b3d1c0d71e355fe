package ma.rokhsa.plugin.api.signature;

import java.security.cert.X509Certificate;
import java.util.List;
import ma.rokhsa.plugin.api.Incubating;
import ma.rokhsa.plugin.api.LocalizedText;
import org.pf4j.ExtensionPoint;

/**
 * Where signatories' keys live and how they sign: Barid eSign, a hardware module, a test key store.
 * The platform builds the signed document (PAdES) itself and asks the provider only to sign the
 * bytes to be signed with a named key, and for that key's certificate chain.
 */
@Incubating
public interface SignatureProvider extends ExtensionPoint {

  /** A stable kebab-case id ({@code barid-esign}), by which tenants choose their provider. */
  String id();

  /** Its name, as shown to tenant admins. */
  LocalizedText name();

  /**
   * The certificate chain of a key, signer's certificate first.
   *
   * @param keyAlias the key, as the provider names it
   */
  List<X509Certificate> certificateChain(String keyAlias);

  /**
   * Signs {@code data} with the key.
   *
   * @param keyAlias the key, as the provider names it
   * @param algorithm the JCA signature algorithm ({@code SHA256withRSA})
   * @param data the bytes to be signed (the DER of the signed attributes)
   * @return the signature value
   */
  byte[] sign(String keyAlias, String algorithm, byte[] data);
}
