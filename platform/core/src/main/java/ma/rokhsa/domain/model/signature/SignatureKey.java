package ma.rokhsa.domain.model.signature;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.ByteArrayInputStream;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import ma.rokhsa.domain.RuleViolation;
import ma.rokhsa.domain.model.tenant.TenantOwned;

/**
 * A signature key assigned to a named signatory. Keys assigned once the quota is used are marked
 * {@code beyondQuota}: they are paid for by the tenant (see {@link ExtraKeyPurchase}).
 *
 * <p>A key is real once {@link #bind bound} to a credential of a signature provider (its private
 * key lives there, unlocked by the signatory's PIN) and to the X.509 certificate issued for that
 * credential's public key. It {@link #canSign can sign} only while bound, not revoked, and within
 * its certificate's validity; a certificate {@link #renew renewed} for the same public key extends
 * it. Assigned and not yet bound, a key counts against the quota but cannot sign.
 */
@Entity
@Table(name = "signature_key")
public class SignatureKey extends TenantOwned {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "signature_key_seq")
  @SequenceGenerator(
      name = "signature_key_seq",
      sequenceName = "signature_key_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "signatory_id", nullable = false, updatable = false)
  private Long signatoryId;

  @Column(name = "label", nullable = false, length = 200)
  private String label;

  @Column(name = "beyond_quota", nullable = false, updatable = false)
  private boolean beyondQuota;

  @Column(name = "assigned_by", nullable = false, length = 100, updatable = false)
  private String assignedBy;

  @Column(name = "assigned_at", nullable = false, updatable = false)
  private OffsetDateTime assignedAt;

  @Column(name = "revoked_at")
  private OffsetDateTime revokedAt;

  @Column(name = "revocation_reason", length = 500)
  private String revocationReason;

  /** The signature provider holding its private key ({@code pkcs12}, {@code pkcs11}). */
  @Column(name = "provider", length = 64)
  private String provider;

  /** The credential, as the provider names it. */
  @Column(name = "credential_id", length = 200)
  private String credentialId;

  /** The certificate of the credential's public key (DER). */
  @Column(name = "certificate")
  private byte[] certificate;

  /** The credential's public key (SubjectPublicKeyInfo, DER), known before its certificate. */
  @Column(name = "public_key")
  private byte[] publicKey;

  @Column(name = "certificate_serial", length = 100)
  private String certificateSerial;

  @Column(name = "not_before")
  private OffsetDateTime notBefore;

  @Column(name = "not_after")
  private OffsetDateTime notAfter;

  protected SignatureKey() {
    // for JPA
  }

  static SignatureKey assign(
      Signatory signatory, String label, boolean beyondQuota, String assignedBy, Instant now) {
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("a key needs a label (its serial, or how to tell it)");
    }
    SignatureKey key = new SignatureKey();
    key.signatoryId = signatory.id();
    key.label = label.strip();
    key.beyondQuota = beyondQuota;
    key.assignedBy = assignedBy;
    key.assignedAt = now.atOffset(ZoneOffset.UTC);
    return key;
  }

  public void revoke(Instant now) {
    revoke(now, null);
  }

  /** Revokes the key for good (the first revocation's time and reason stand). */
  public void revoke(Instant now, String reason) {
    if (revokedAt == null) {
      revokedAt = now.atOffset(ZoneOffset.UTC);
      revocationReason = reason == null || reason.isBlank() ? null : reason.strip();
    }
  }

  /** Not revoked: it counts against the tenant's allowance. */
  public boolean active() {
    return revokedAt == null;
  }

  /**
   * Binds the key to a provider's credential and the certificate issued for its public key.
   *
   * @throws RuleViolation if it is revoked or already bound, or the certificate is not valid
   *     somewhere after {@code now}
   */
  public void bind(String provider, String credentialId, X509Certificate certificate, Instant now) {
    if (!certificate.getNotAfter().toInstant().isAfter(now)) {
      // Checked first: a refused binding leaves the key as it was.
      throw new RuleViolation(
          "the certificate expired on " + certificate.getNotAfter().toInstant());
    }
    attach(provider, credentialId, certificate.getPublicKey());
    certify(certificate, now);
  }

  /**
   * Attaches the credential just made in a provider, whose certificate is still to come ({@link
   * #certify}): the key keeps its slot of the quota but cannot sign yet.
   *
   * @throws RuleViolation if it is revoked or already has a credential
   */
  public void attach(String provider, String credentialId, PublicKey publicKey) {
    if (revokedAt != null) {
      throw new RuleViolation("key " + id + " is revoked: it cannot be bound");
    }
    if (this.credentialId != null) {
      throw new RuleViolation(
          "key "
              + id
              + " is already bound to credential "
              + this.credentialId
              + " of "
              + this.provider);
    }
    if (provider == null || provider.isBlank() || credentialId == null || credentialId.isBlank()) {
      throw new IllegalArgumentException("a key is bound to a provider and a credential");
    }
    if (credentialId.length() > 200 || provider.length() > 64) {
      throw new IllegalArgumentException("provider or credential id too long");
    }
    this.provider = provider;
    this.credentialId = credentialId;
    this.publicKey = publicKey.getEncoded();
  }

  /**
   * Records the first certificate of the attached credential's public key.
   *
   * @throws RuleViolation if the key is revoked, has no credential or a certificate already, or the
   *     certificate is for another key or expired
   */
  public void certify(X509Certificate certificate, Instant now) {
    if (revokedAt != null || credentialId == null) {
      throw new RuleViolation(
          "key " + id + " is revoked or has no credential: it cannot be certified");
    }
    if (this.certificate != null) {
      throw new RuleViolation("key " + id + " has a certificate: renew it instead");
    }
    if (!java.util.Arrays.equals(certificate.getPublicKey().getEncoded(), publicKey)) {
      throw new RuleViolation("the certificate is not for the public key of key " + id);
    }
    setCertificate(certificate, now);
  }

  /** Whether it has a credential and waits for its certificate. */
  public boolean awaitingCertificate() {
    return revokedAt == null && credentialId != null && certificate == null;
  }

  /** The credential's public key (SubjectPublicKeyInfo, DER), once attached. */
  public Optional<byte[]> publicKeyInfo() {
    return Optional.ofNullable(publicKey).map(byte[]::clone);
  }

  /**
   * Renews the key's certificate: a new one for the same public key, expiring later.
   *
   * @throws RuleViolation if the key is revoked or not bound, or the certificate is for another key
   *     or does not expire later
   */
  public void renew(X509Certificate renewed, Instant now) {
    if (revokedAt != null || certificate == null) {
      throw new RuleViolation("key " + id + " is revoked or not certified: it cannot be renewed");
    }
    if (!renewed.getPublicKey().equals(publicKey())) {
      throw new RuleViolation(
          "the renewed certificate is for another public key: a new key is a new credential");
    }
    if (!renewed.getNotAfter().toInstant().isAfter(notAfter.toInstant())) {
      throw new RuleViolation("the renewed certificate does not expire later than the current one");
    }
    setCertificate(renewed, now);
  }

  private void setCertificate(X509Certificate certificate, Instant now) {
    if (!certificate.getNotAfter().toInstant().isAfter(now)) {
      throw new RuleViolation(
          "the certificate expired on " + certificate.getNotAfter().toInstant());
    }
    try {
      this.certificate = certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("the certificate cannot be encoded", e);
    }
    this.certificateSerial = certificate.getSerialNumber().toString(16);
    this.notBefore = certificate.getNotBefore().toInstant().atOffset(ZoneOffset.UTC);
    this.notAfter = certificate.getNotAfter().toInstant().atOffset(ZoneOffset.UTC);
  }

  /** Whether it may sign at {@code now}: bound, not revoked, its certificate valid. */
  public boolean canSign(Instant now) {
    return whyNotSign(now).isEmpty();
  }

  /** Why it may not sign at {@code now}, or empty if it may. */
  public Optional<String> whyNotSign(Instant now) {
    if (revokedAt != null) {
      return Optional.of(
          "the signature key was revoked on "
              + revokedAt.toInstant()
              + (revocationReason == null ? "" : " (" + revocationReason + ")"));
    }
    if (credentialId == null || certificate == null) {
      return Optional.of("the signature key has no credential and certificate yet");
    }
    if (now.isBefore(notBefore.toInstant())) {
      return Optional.of("the key's certificate is valid only from " + notBefore.toInstant());
    }
    if (!now.isBefore(notAfter.toInstant())) {
      return Optional.of("the key's certificate expired on " + notAfter.toInstant());
    }
    return Optional.empty();
  }

  /**
   * Checks that it may sign now.
   *
   * @throws RuleViolation saying why not
   */
  public void checkCanSign(Instant now) {
    Optional<String> why = whyNotSign(now);
    if (why.isPresent()) {
      throw new RuleViolation(why.get());
    }
  }

  public Optional<String> provider() {
    return Optional.ofNullable(provider);
  }

  public Optional<String> credentialId() {
    return Optional.ofNullable(credentialId);
  }

  /** The certificate of its public key, once bound. */
  public Optional<X509Certificate> certificate() {
    if (certificate == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(certificate)));
    } catch (CertificateException e) {
      throw new IllegalStateException("the stored certificate of key " + id + " is unreadable", e);
    }
  }

  private PublicKey publicKey() {
    return certificate().orElseThrow().getPublicKey();
  }

  /** The certificate's serial number, hexadecimal. */
  public Optional<String> certificateSerial() {
    return Optional.ofNullable(certificateSerial);
  }

  /** When its certificate expires. */
  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(notAfter).map(OffsetDateTime::toInstant);
  }

  public Optional<String> revocationReason() {
    return Optional.ofNullable(revocationReason);
  }

  public Long id() {
    return id;
  }

  public Long signatoryId() {
    return signatoryId;
  }

  public String label() {
    return label;
  }

  public boolean beyondQuota() {
    return beyondQuota;
  }

  public String assignedBy() {
    return assignedBy;
  }

  public Instant assignedAt() {
    return assignedAt.toInstant();
  }

  public Optional<Instant> revokedAt() {
    return Optional.ofNullable(revokedAt).map(OffsetDateTime::toInstant);
  }
}
