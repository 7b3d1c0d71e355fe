package ma.rokhsa.infrastructure.signing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import ma.rokhsa.infrastructure.config.RokhsaSettings;
import org.eclipse.microprofile.config.Config;

/**
 * The settings of signed documents ({@code rokhsa.signing.*}, described in {@code
 * docs/configuration.md} and {@code docs/signatures.md}). In production the trust anchors and the
 * TSA are configured — Barid eSign's — never generated; in demo mode, what is not configured comes
 * from the development CA.
 */
@ApplicationScoped
public class SigningSettings {

  private PadesLevel level;
  private Optional<URI> tsaUrl;
  private Duration timeout;
  private Optional<Path> trustAnchors;
  private Optional<URI> ocspUrl;
  private Optional<String> devCaPassword;
  private Path devCaDir;

  /** For CDI's proxy. */
  protected SigningSettings() {}

  @Inject
  SigningSettings(Config config, RokhsaSettings platform) {
    this.level =
        PadesLevel.parse(
            config.getOptionalValue("rokhsa.signing.level", String.class).orElse("B-LT"));
    this.tsaUrl = config.getOptionalValue("rokhsa.signing.tsa.url", String.class).map(URI::create);
    this.timeout =
        Duration.parse(
            config.getOptionalValue("rokhsa.signing.timeout", String.class).orElse("PT10S"));
    this.trustAnchors =
        config
            .getOptionalValue("rokhsa.signing.trust-anchors", String.class)
            .map(path -> platform.home().resolve(path).normalize());
    this.ocspUrl =
        config.getOptionalValue("rokhsa.signing.ocsp.url", String.class).map(URI::create);
    this.devCaPassword = config.getOptionalValue("rokhsa.signing.dev-ca.password", String.class);
    this.devCaDir =
        platform
            .dataDir()
            .resolve(
                config.getOptionalValue("rokhsa.signing.dev-ca.dir", String.class).orElse("dev-ca"))
            .normalize();
  }

  /** The PAdES level documents are signed at: {@code B-LT} unless configured. */
  public PadesLevel level() {
    return level;
  }

  /** The RFC 3161 time-stamping authority (HTTP POST), if configured. */
  public Optional<URI> tsaUrl() {
    return tsaUrl;
  }

  /** The connect and answer timeout of the TSA, OCSP responders and CRL servers. */
  public Duration timeout() {
    return timeout;
  }

  /** The PEM file of the certificates signed documents must chain to, if configured. */
  public Optional<Path> trustAnchors() {
    return trustAnchors;
  }

  /** An OCSP responder to ask instead of the one each certificate names, if configured. */
  public Optional<URI> ocspUrl() {
    return ocspUrl;
  }

  /** The password of the development CA's PKCS#12 file (demo mode only). */
  public Optional<String> devCaPassword() {
    return devCaPassword;
  }

  /** Where the development CA keeps its PKCS#12 file (relative to the data directory). */
  public Path devCaDir() {
    return devCaDir;
  }
}
