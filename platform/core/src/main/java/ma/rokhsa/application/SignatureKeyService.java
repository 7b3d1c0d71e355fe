package ma.rokhsa.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import ma.rokhsa.domain.RuleViolation;
import ma.rokhsa.domain.model.audit.AuditEvent;
import ma.rokhsa.domain.model.audit.AuditTrail;
import ma.rokhsa.domain.model.signature.ExtraKeyPurchase;
import ma.rokhsa.domain.model.signature.KeyAllowance;
import ma.rokhsa.domain.model.signature.Signatory;
import ma.rokhsa.domain.model.signature.SignatureKey;
import ma.rokhsa.domain.model.signature.SignatureKeyRepository;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.domain.model.tenant.TenantRepository;

/**
 * A tenant's signatories and their signature keys, within the quota its size grants plus the keys
 * it bought. Every method works on the tenant it is given, and sees nothing of any other.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class SignatureKeyService {

  private SignatureKeyRepository keys;
  private TenantRepository tenants;
  private Clock clock;
  private AuditTrail audit;

  /** For CDI's proxy. */
  protected SignatureKeyService() {}

  @Inject
  SignatureKeyService(
      SignatureKeyRepository keys, TenantRepository tenants, Clock clock, AuditTrail audit) {
    this.keys = keys;
    this.tenants = tenants;
    this.clock = clock;
    this.audit = audit;
  }

  public List<Signatory> signatories(TenantId tenant) {
    return keys.signatories();
  }

  public Optional<Signatory> signatory(TenantId tenant, Long id) {
    return keys.signatory(id);
  }

  public Signatory nameSignatory(
      TenantId tenant, String fullName, String title, Optional<String> username) {
    Signatory signatory;
    try {
      signatory = Signatory.name(fullName, title, username, clock.instant());
    } catch (IllegalArgumentException e) {
      throw new RuleViolation(e.getMessage());
    }
    keys.store(signatory);
    return signatory;
  }

  public KeyAllowance allowance(TenantId tenant) {
    return allowance(tenants.find(tenant).orElseThrow());
  }

  /**
   * Assigns a key to a signatory of the tenant. Assignments in one tenant are made one at a time
   * (the tenant is locked), so two agents cannot together exceed the allowance. Audited.
   *
   * @param sourceAddress the client's address, for the audit trail
   * @return the key, or empty if the tenant has no such signatory
   * @throws RuleViolation if every allowed key is in use
   */
  public Optional<SignatureKey> assignKey(
      TenantId tenant, Long signatoryId, String label, String actor, String sourceAddress) {
    Tenant locked = tenants.findForUpdate(tenant).orElseThrow();
    Optional<Signatory> signatory = keys.signatory(signatoryId);
    if (signatory.isEmpty()) {
      return Optional.empty();
    }
    SignatureKey key;
    try {
      key = allowance(locked).assign(signatory.get(), label, actor, clock.instant());
    } catch (IllegalArgumentException e) {
      throw new RuleViolation(e.getMessage());
    }
    keys.store(key);
    audit.record(
        tenant,
        new AuditEvent(
            actor,
            "signature-key.assigned",
            "signature-key",
            key.id().toString(),
            "signatory " + signatoryId + (key.beyondQuota() ? ", beyond the quota" : ""),
            sourceAddress));
    return Optional.of(key);
  }

  /** Revokes a key (audited the first time); returns it, or empty if the tenant has no such key. */
  public Optional<SignatureKey> revokeKey(
      TenantId tenant, Long keyId, String actor, String sourceAddress) {
    Optional<SignatureKey> key = keys.key(keyId);
    if (key.isPresent() && key.get().active()) {
      key.get().revoke(clock.instant());
      audit.record(
          tenant,
          new AuditEvent(
              actor,
              "signature-key.revoked",
              "signature-key",
              keyId.toString(),
              "signatory " + key.get().signatoryId(),
              sourceAddress));
    }
    return key;
  }

  public List<SignatureKey> keys(TenantId tenant) {
    return keys.keys();
  }

  public ExtraKeyPurchase recordPurchase(
      TenantId tenant, int count, BigDecimal costMad, LocalDate purchasedOn, String actor) {
    ExtraKeyPurchase purchase;
    try {
      purchase = ExtraKeyPurchase.record(count, costMad, purchasedOn, actor, clock.instant());
    } catch (IllegalArgumentException e) {
      throw new RuleViolation(e.getMessage());
    }
    keys.store(purchase);
    return purchase;
  }

  public List<ExtraKeyPurchase> purchases(TenantId tenant) {
    return keys.purchases();
  }

  private KeyAllowance allowance(Tenant tenant) {
    int purchased = keys.purchases().stream().mapToInt(ExtraKeyPurchase::keyCount).sum();
    int inUse = (int) keys.keys().stream().filter(SignatureKey::active).count();
    return new KeyAllowance(tenant.signatureKeyQuota(), purchased, inUse);
  }
}
