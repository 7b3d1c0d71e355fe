package ma.rokhsa.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import ma.rokhsa.domain.RuleViolation;
import ma.rokhsa.domain.model.audit.AuditEvent;
import ma.rokhsa.domain.model.audit.AuditTrail;
import ma.rokhsa.domain.model.signature.ExtraKeyPurchase;
import ma.rokhsa.domain.model.signature.KeyAllowance;
import ma.rokhsa.domain.model.signature.Mandate;
import ma.rokhsa.domain.model.signature.MandateReason;
import ma.rokhsa.domain.model.signature.Signatory;
import ma.rokhsa.domain.model.signature.SignatureKey;
import ma.rokhsa.domain.model.signature.SignatureKeyRepository;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.domain.model.tenant.TenantRepository;
import ma.rokhsa.infrastructure.signing.providers.SignatureProviders;
import ma.rokhsa.plugin.api.signature.SignatureProvider;
import ma.rokhsa.plugin.api.signature.SignatureProvider.CredentialRequest;
import ma.rokhsa.plugin.api.signature.SignatureProvider.NewCredential;

/**
 * A tenant's signatories and their signature keys, within the quota its size grants plus the keys
 * it bought, and the mandates by which a signatory delegates signing power to an interim. Every
 * method works on the tenant it is given, and sees nothing of any other.
 *
 * <p>A key is {@link #issueKey issued} in the tenant's signature provider (a credential protected
 * by the signatory's PIN, which the platform never keeps), certified (by the development CA in demo
 * mode, or by {@link #storeCertificateChain uploading} the chain the issuing process returned for
 * its public key) and bound; it is {@link #renewKey renewed} in the same quota slot and {@link
 * #revokeKey revoked} with a reason. Everything that changes a key, a purchase or a mandate is
 * audited.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class SignatureKeyService {

  private SignatureKeyRepository keys;
  private TenantRepository tenants;
  private Clock clock;
  private AuditTrail audit;
  private SignatureProviders providers;
  private CertificateIssuing issuing;

  /** For CDI's proxy. */
  protected SignatureKeyService() {}

  @Inject
  SignatureKeyService(
      SignatureKeyRepository keys,
      TenantRepository tenants,
      Clock clock,
      AuditTrail audit,
      SignatureProviders providers,
      CertificateIssuing issuing) {
    this.keys = keys;
    this.tenants = tenants;
    this.clock = clock;
    this.audit = audit;
    this.providers = providers;
    this.issuing = issuing;
  }

  public List<Signatory> signatories(TenantId tenant) {
    return keys.signatories();
  }

  public Optional<Signatory> signatory(TenantId tenant, Long id) {
    return keys.signatory(id);
  }

  public Signatory nameSignatory(
      TenantId tenant, String fullName, String title, Optional<String> username) {
    return nameSignatory(tenant, fullName, title, username, Optional.empty(), false);
  }

  /**
   * Names a signatory of the tenant.
   *
   * @param username the account they sign in with (one signatory per account in a tenant)
   * @param cin their national identity card number, named by their certificates
   * @param interim whether they sign only under a mandate in force
   * @throws InvalidInput if the CIN is not one
   * @throws RuleViolation if another signatory of the tenant signs in with that account
   */
  public Signatory nameSignatory(
      TenantId tenant,
      String fullName,
      String title,
      Optional<String> username,
      Optional<String> cin,
      boolean interim) {
    Signatory signatory;
    try {
      signatory = Signatory.name(fullName, title, username, cin, interim, clock.instant());
    } catch (IllegalArgumentException e) {
      throw new InvalidInput(e.getMessage());
    }
    if (signatory.username().flatMap(keys::signatoryOfAccount).isPresent()) {
      throw new RuleViolation(
          "account " + signatory.username().get() + " already names a signatory of " + tenant);
    }
    keys.store(signatory);
    return signatory;
  }

  public KeyAllowance allowance(TenantId tenant) {
    return allowance(tenants.find(tenant).orElseThrow());
  }

  /**
   * Issues a signature key to a signatory of the tenant, counted against its allowance: makes a
   * credential in the tenant's signature provider, protected by the signatory's {@code pin}, has
   * its certificate issued (the development CA, in demo mode) and binds it. Where certificates come
   * from an issuing process outside the platform, the key waits for its chain ({@link
   * #storeCertificateChain}) and cannot sign until then. Issues in one tenant are made one at a
   * time (the tenant is locked). Audited. The PIN's array is cleared.
   *
   * @return the key, or empty if the tenant has no such signatory
   * @throws RuleViolation if every allowed key is in use, or the signatory has no CIN
   * @throws SigningRefused PROVIDER_UNAVAILABLE if the tenant's provider is not started
   */
  public Optional<SignatureKey> issueKey(
      TenantId tenant,
      Long signatoryId,
      String label,
      char[] pin,
      String actor,
      String sourceAddress) {
    try {
      Tenant locked = tenants.findForUpdate(tenant).orElseThrow();
      Optional<Signatory> found = keys.signatory(signatoryId);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      Signatory signatory = found.get();
      CertificateIssuing.Subject subject = subject(locked, signatory);
      Instant now = clock.instant();
      SignatureKey key;
      try {
        key = allowance(locked).assign(signatory, label, actor, now);
      } catch (IllegalArgumentException e) {
        throw new InvalidInput(e.getMessage());
      }
      SignatureProvider provider = providers.providerOf(locked);
      if (!provider.createsCredentials()) {
        throw new RuleViolation(
            "signature provider "
                + provider.id()
                + " does not create credentials: the tenant's signature.provider must be one that"
                + " does (pkcs12, pkcs11)");
      }
      NewCredential credential =
          providers.createCredential(
              provider,
              CredentialRequest.rsa("signatory-" + signatory.id(), key.label()),
              pin.clone());
      key.attach(provider.id(), credential.id(), credential.publicKey());
      Optional<List<X509Certificate>> chain = issuing.issue(credential.publicKey(), subject);
      if (chain.isPresent()) {
        providers.storeCertificateChain(provider.id(), credential.id(), chain.get(), pin.clone());
        key.certify(chain.get().get(0), now);
      }
      keys.store(key);
      audit.record(
          tenant,
          new AuditEvent(
              actor,
              "signature-key.issued",
              "signature-key",
              key.id().toString(),
              "signatory "
                  + signatoryId
                  + ", "
                  + provider.id()
                  + " credential "
                  + credential.id()
                  + key.certificateSerial()
                      .map(s -> ", certificate " + s)
                      .orElse(", awaiting its certificate")
                  + (key.beyondQuota() ? ", beyond the quota" : ""),
              sourceAddress));
      return Optional.of(key);
    } finally {
      clear(pin);
    }
  }

  /**
   * Stores the certificate chain an issuing process returned for a key's credential (its first
   * certificate, for the key's public key; each certified by the next): the key's first
   * certificate, or a renewed one. Audited. The PIN's array is cleared.
   *
   * @return the key, or empty if the tenant has no such key
   * @throws InvalidInput if the chain is empty or does not hold together
   * @throws RuleViolation if the key is revoked or has no credential, or the certificate is for
   *     another key or expired
   */
  public Optional<SignatureKey> storeCertificateChain(
      TenantId tenant,
      Long keyId,
      List<X509Certificate> chain,
      char[] pin,
      String actor,
      String sourceAddress) {
    try {
      Optional<SignatureKey> found = keys.key(keyId);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      SignatureKey key = found.get();
      checkChain(chain);
      if (!key.active() || key.credentialId().isEmpty()) {
        throw new RuleViolation("key " + keyId + " is revoked or has no credential");
      }
      byte[] expected =
          key.publicKeyInfo()
              .or(() -> key.certificate().map(c -> c.getPublicKey().getEncoded()))
              .orElseThrow();
      if (!Arrays.equals(chain.get(0).getPublicKey().getEncoded(), expected)) {
        throw new RuleViolation("the chain's first certificate is not for the key's public key");
      }
      boolean first = key.awaitingCertificate();
      Optional<X509Certificate> replaced = key.certificate();
      Instant now = clock.instant();
      providers.storeCertificateChain(
          key.provider().orElseThrow(), key.credentialId().orElseThrow(), chain, pin.clone());
      if (first) {
        key.certify(chain.get(0), now);
      } else {
        key.renew(chain.get(0), now);
        replaced.ifPresent(issuing::replaced);
      }
      audit.record(
          tenant,
          new AuditEvent(
              actor,
              first ? "signature-key.certified" : "signature-key.renewed",
              "signature-key",
              keyId.toString(),
              "certificate " + key.certificateSerial().orElseThrow() + " (uploaded)",
              sourceAddress));
      return Optional.of(key);
    } finally {
      clear(pin);
    }
  }

  /**
   * Renews a key: a new certificate for the same credential, in the same quota slot (the
   * development CA issues it, in demo mode; elsewhere upload the renewed chain with {@link
   * #storeCertificateChain}). An expired key may be renewed. Audited. The PIN's array is cleared.
   *
   * @return the key, or empty if the tenant has no such key
   * @throws RuleViolation if the key is revoked or not certified, or certificates come from an
   *     issuing process outside the platform
   */
  public Optional<SignatureKey> renewKey(
      TenantId tenant, Long keyId, char[] pin, String actor, String sourceAddress) {
    try {
      Optional<SignatureKey> found = keys.key(keyId);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      SignatureKey key = found.get();
      if (!key.active() || key.certificate().isEmpty()) {
        throw new RuleViolation(
            "key " + keyId + " is revoked or not certified: it cannot be renewed");
      }
      Tenant current = tenants.find(tenant).orElseThrow();
      Signatory signatory = keys.signatory(key.signatoryId()).orElseThrow();
      X509Certificate old = key.certificate().orElseThrow();
      List<X509Certificate> chain =
          issuing
              .renew(old, subject(current, signatory))
              .orElseThrow(
                  () ->
                      new RuleViolation(
                          "certificates come from the issuing process here: upload the renewed"
                              + " chain to /signature-keys/"
                              + keyId
                              + "/certificate-chain"));
      providers.storeCertificateChain(
          key.provider().orElseThrow(), key.credentialId().orElseThrow(), chain, pin.clone());
      key.renew(chain.get(0), clock.instant());
      issuing.replaced(old);
      audit.record(
          tenant,
          new AuditEvent(
              actor,
              "signature-key.renewed",
              "signature-key",
              keyId.toString(),
              "certificate "
                  + old.getSerialNumber().toString(16)
                  + " replaced by "
                  + key.certificateSerial().orElseThrow()
                  + ", valid until "
                  + key.expiresAt().orElseThrow(),
              sourceAddress));
      return Optional.of(key);
    } finally {
      clear(pin);
    }
  }

  private static void checkChain(List<X509Certificate> chain) {
    if (chain == null || chain.isEmpty()) {
      throw new InvalidInput("the certificate chain is empty");
    }
    for (int i = 0; i + 1 < chain.size(); i++) {
      try {
        chain.get(i).verify(chain.get(i + 1).getPublicKey());
      } catch (GeneralSecurityException e) {
        throw new InvalidInput(
            "certificate " + (i + 1) + " of the chain is not certified by the next one");
      }
    }
  }

  private static CertificateIssuing.Subject subject(Tenant tenant, Signatory signatory) {
    String cin =
        signatory
            .cin()
            .orElseThrow(
                () ->
                    new RuleViolation(
                        signatory.fullName()
                            + " has no CIN on record: their certificate must name it"));
    return new CertificateIssuing.Subject(
        signatory.fullName(), cin, tenant.id().value(), tenant.nameFr());
  }

  private static void clear(char[] pin) {
    if (pin != null) {
      Arrays.fill(pin, '\0');
    }
  }

  /** Revokes a key (audited the first time); returns it, or empty if the tenant has no such key. */
  public Optional<SignatureKey> revokeKey(
      TenantId tenant, Long keyId, String actor, String sourceAddress) {
    return revokeKey(tenant, keyId, null, false, actor, sourceAddress);
  }

  /**
   * Revokes a key for good, with a reason: it cannot sign any more and frees its quota slot. Its
   * certificate is revoked by its issuer where the platform is the issuer (the development CA,
   * whose CRL and OCSP say so at once). Audited the first time.
   *
   * @param keyCompromised whether the private key may be known to others
   * @return the key, or empty if the tenant has no such key
   */
  public Optional<SignatureKey> revokeKey(
      TenantId tenant,
      Long keyId,
      String reason,
      boolean keyCompromised,
      String actor,
      String sourceAddress) {
    Optional<SignatureKey> key = keys.key(keyId);
    if (key.isPresent() && key.get().active()) {
      key.get().revoke(clock.instant(), reason);
      key.get().certificate().ifPresent(c -> issuing.revoked(c, keyCompromised));
      audit.record(
          tenant,
          new AuditEvent(
              actor,
              "signature-key.revoked",
              "signature-key",
              keyId.toString(),
              "signatory "
                  + key.get().signatoryId()
                  + key.get().revocationReason().map(r -> ": " + r).orElse("")
                  + (keyCompromised ? " (key compromised)" : ""),
              sourceAddress));
    }
    return key;
  }

  public Optional<SignatureKey> key(TenantId tenant, Long id) {
    return keys.key(id);
  }

  public List<SignatureKey> keys(TenantId tenant) {
    return keys.keys();
  }

  /** Records keys bought beyond the quota at the tenant's own cost. Audited. */
  public ExtraKeyPurchase recordPurchase(
      TenantId tenant,
      int count,
      BigDecimal costMad,
      LocalDate purchasedOn,
      String actor,
      String sourceAddress) {
    ExtraKeyPurchase purchase;
    try {
      purchase = ExtraKeyPurchase.record(count, costMad, purchasedOn, actor, clock.instant());
    } catch (IllegalArgumentException e) {
      throw new RuleViolation(e.getMessage());
    }
    keys.store(purchase);
    audit.record(
        tenant,
        new AuditEvent(
            actor,
            "extra-keys.recorded",
            "extra-key-purchase",
            purchase.id().toString(),
            count + " key(s) for " + purchase.costMad() + " MAD, bought on " + purchasedOn,
            sourceAddress));
    return purchase;
  }

  public List<ExtraKeyPurchase> purchases(TenantId tenant) {
    return keys.purchases();
  }

  public List<Mandate> mandates(TenantId tenant) {
    return keys.mandates();
  }

  public Optional<Mandate> mandate(TenantId tenant, Long id) {
    return keys.mandate(id);
  }

  /**
   * Delegates a signatory's signing power to an interim signatory of the same tenant for {@code
   * [from, until)}. The mandate's reference ({@code MAND-<year>-<n>}, numbered per tenant and year)
   * is printed on what the interim signs. Audited.
   *
   * @throws NotFound if the tenant has no such signatory
   * @throws RuleViolation if the two are the same, the delegator is an interim, or the period is
   *     empty or over
   */
  public Mandate grantMandate(
      TenantId tenant,
      Long delegatorId,
      Long interimId,
      Instant from,
      Instant until,
      MandateReason reason,
      String note,
      String actor,
      String sourceAddress) {
    tenants.findForUpdate(tenant).orElseThrow();
    Signatory delegator =
        keys.signatory(delegatorId)
            .orElseThrow(() -> new NotFound("no signatory " + delegatorId + " in " + tenant));
    Signatory interim =
        keys.signatory(interimId)
            .orElseThrow(() -> new NotFound("no signatory " + interimId + " in " + tenant));
    String prefix = "MAND-" + from.atOffset(ZoneOffset.UTC).getYear() + "-";
    long sameYear = keys.mandates().stream().filter(m -> m.reference().startsWith(prefix)).count();
    Mandate mandate;
    try {
      mandate =
          Mandate.grant(
              prefix + String.format("%04d", sameYear + 1),
              delegator,
              interim,
              from,
              until,
              reason,
              note,
              actor,
              clock.instant());
    } catch (IllegalArgumentException e) {
      throw new InvalidInput(e.getMessage());
    }
    keys.store(mandate);
    audit.record(
        tenant,
        new AuditEvent(
            actor,
            "mandate.granted",
            "mandate",
            mandate.reference(),
            delegator.fullName()
                + " ("
                + delegator.title()
                + ", signatory "
                + delegatorId
                + ") to "
                + interim.fullName()
                + " (signatory "
                + interimId
                + ") from "
                + from
                + " until "
                + until
                + ", "
                + reason,
            sourceAddress));
    return mandate;
  }

  /**
   * Ends a mandate before its planned end. Audited.
   *
   * @return the mandate, or empty if the tenant has no such mandate
   * @throws RuleViolation if it was ended already or is over
   */
  public Optional<Mandate> endMandate(
      TenantId tenant, Long id, String why, String actor, String sourceAddress) {
    Optional<Mandate> mandate = keys.mandate(id);
    if (mandate.isPresent()) {
      mandate.get().end(clock.instant(), actor, why);
      audit.record(
          tenant,
          new AuditEvent(
              actor,
              "mandate.ended",
              "mandate",
              mandate.get().reference(),
              "ended early" + mandate.get().endReason().map(r -> ": " + r).orElse(""),
              sourceAddress));
    }
    return mandate;
  }

  private KeyAllowance allowance(Tenant tenant) {
    int purchased = keys.purchases().stream().mapToInt(ExtraKeyPurchase::keyCount).sum();
    int inUse = (int) keys.keys().stream().filter(SignatureKey::active).count();
    return new KeyAllowance(tenant.signatureKeyQuota(), purchased, inUse);
  }
}
