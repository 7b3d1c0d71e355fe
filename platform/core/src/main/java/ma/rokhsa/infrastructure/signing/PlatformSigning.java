package ma.rokhsa.infrastructure.signing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import ma.rokhsa.infrastructure.config.RokhsaSettings;
import ma.rokhsa.infrastructure.signing.devca.DevCa;

/**
 * Where the delivery flow gets its signer and validator, set up from the configuration: the
 * configured TSA and the revocation servers the certificates name in production; the development CA
 * in process for what demo mode does not configure. Without a TSA, or trust anchors, outside demo
 * mode, asking for them fails with the setting to give.
 *
 * <pre>{@code
 * byte[] signed = signing.signer().sign(pdf, key, details, signing.level());
 * ValidationReport report = signing.validator().validate(signed);
 * }</pre>
 */
@ApplicationScoped
public class PlatformSigning {

  @Inject RokhsaSettings settings;
  @Inject SigningSettings signing;
  @Inject Instance<DevCa> devCa;

  /** The level to sign at ({@code rokhsa.signing.level}). */
  public PadesLevel level() {
    return signing.level();
  }

  public PadesSigner signer() {
    Optional<TimeStampClient> tsa =
        signing
            .tsaUrl()
            .<TimeStampClient>map(url -> new HttpTimeStampClient(url, signing.timeout()))
            .or(() -> dev().map(DevCa::authority));
    if (tsa.isEmpty() && signing.level() != PadesLevel.B_B) {
      throw new IllegalStateException(
          "signing at " + signing.level().label() + " needs rokhsa.signing.tsa.url");
    }
    RevocationSource revocation =
        dev().isPresent() && signing.ocspUrl().isEmpty()
            ? dev().get().authority()
            : new HttpRevocationSource(signing.ocspUrl(), signing.timeout());
    return new PadesSigner(tsa, Optional.of(revocation), Clock.systemUTC());
  }

  public PdfSignatureValidator validator() {
    return new PdfSignatureValidator(trustAnchors(), Clock.systemUTC());
  }

  /**
   * The certificates signed documents must chain to: {@code rokhsa.signing.trust-anchors}, else
   * (demo mode) the development root. Published at {@code GET /api/public/trust-anchors}.
   */
  public List<X509Certificate> trustAnchors() {
    if (signing.trustAnchors().isPresent()) {
      try {
        return TrustAnchors.read(signing.trustAnchors().get());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return dev()
        .map(ca -> List.of(ca.authority().rootCertificate()))
        .orElseThrow(
            () ->
                new SigningNotConfigured(
                    "this node has no trust anchors to check signatures with: its operator must set"
                        + " rokhsa.signing.trust-anchors (docs/signatures.md)"));
  }

  private Optional<DevCa> dev() {
    return settings.demo() ? Optional.of(devCa.get()) : Optional.empty();
  }
}
