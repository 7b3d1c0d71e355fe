package ma.rokhsa.infrastructure.signing.devca;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The register of what the development CA issued and revoked (table {@code dev_ca_certificate}).
 */
public interface IssuedCertificates {

  /** A revocation: when, and why (an RFC 5280 CRLReason code). */
  record Revocation(BigInteger serial, Instant when, int reason) {}

  /** The status of a serial number of an issuer. */
  sealed interface Status {
    record Good() implements Status {}

    record Revoked(Revocation revocation) implements Status {}

    record Unknown() implements Status {}
  }

  void record(X509Certificate certificate);

  /**
   * Marks a certificate revoked; false if this issuer never issued it or it was revoked already.
   */
  boolean revoke(String issuer, BigInteger serial, Instant when, int reason);

  Status status(String issuer, BigInteger serial);

  /** Every revocation by {@code issuer} (an RFC 2253 name), for its CRL. */
  List<Revocation> revoked(String issuer);

  Optional<X509Certificate> find(BigInteger serial);
}
