package ma.rokhsa.plugin.api.signature;

import java.security.cert.X509Certificate;
import java.util.List;
import ma.rokhsa.plugin.api.Incubating;

/**
 * A signing credential a provider holds: a private key (never leaving the provider) and the
 * certificate chain of its public key.
 *
 * @param id how the provider names it; stable, given back to {@link SignatureProvider#open}
 * @param label a human label
 * @param certificateChain signer's certificate first; empty while no certificate was stored
 */
@Incubating
public record Credential(String id, String label, List<X509Certificate> certificateChain) {

  public Credential {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a credential has an id");
    }
    label = label == null ? id : label;
    certificateChain = List.copyOf(certificateChain);
  }
}
