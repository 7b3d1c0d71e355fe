package ma.rokhsa.infrastructure.signing.devca;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import ma.rokhsa.application.CertificateIssuing;
import ma.rokhsa.infrastructure.config.RokhsaSettings;
import org.bouncycastle.asn1.x509.CRLReason;

/**
 * Certificates for signatories' new keys: issued at once by the development CA in demo mode;
 * nothing outside it (production certificates come from Barid eSign's process and are uploaded).
 * Demo certificates are valid for two years; a renewed one revokes the one it replaces as {@code
 * superseded}; revoking a key revokes its certificate at the CA, whose CRL and OCSP responder say
 * so at once.
 */
@ApplicationScoped
public class DevCaIssuing implements CertificateIssuing {

  /** How long a development signatory certificate is valid. */
  static final Duration VALIDITY = Duration.ofDays(730);

  private RokhsaSettings settings;
  private Instance<DevCa> devCa;

  /** For CDI's proxy. */
  protected DevCaIssuing() {}

  @Inject
  DevCaIssuing(RokhsaSettings settings, Instance<DevCa> devCa) {
    this.settings = settings;
    this.devCa = devCa;
  }

  @Override
  public Optional<List<X509Certificate>> issue(PublicKey publicKey, Subject subject) {
    if (!settings.demo()) {
      return Optional.empty();
    }
    DevCertificationAuthority ca = devCa.get().authority();
    X509Certificate issued =
        ca.issue(
            publicKey,
            new Signatory(subject.name(), subject.cin(), subject.tenantId(), subject.tenantName()),
            VALIDITY);
    return Optional.of(List.of(issued, ca.issuingCertificate(), ca.rootCertificate()));
  }

  @Override
  public Optional<List<X509Certificate>> renew(X509Certificate current, Subject subject) {
    return issue(current.getPublicKey(), subject);
  }

  /** The development CA revokes the replaced certificate as {@code superseded}. */
  @Override
  public void replaced(X509Certificate replaced) {
    if (settings.demo()) {
      devCa.get().authority().revoke(replaced.getSerialNumber(), CRLReason.superseded);
    }
  }

  @Override
  public void revoked(X509Certificate certificate, boolean keyCompromised) {
    if (settings.demo()) {
      devCa
          .get()
          .authority()
          .revoke(
              certificate.getSerialNumber(),
              keyCompromised ? CRLReason.keyCompromise : CRLReason.cessationOfOperation);
    }
  }
}
