package ma.rokhsa.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.stream.Collectors;
import ma.rokhsa.domain.model.audit.AuditEvent;
import ma.rokhsa.domain.model.tenant.TenantId;

/**
 * The rotation of the key that signs the platform's access tokens (national administration, ADR
 * 0029): a new key signs from now on, the previous one verifies until its tokens expire, then is
 * deleted. Each rotation is recorded in the national audit chain, in the rotation's transaction.
 */
@ApplicationScoped
@Transactional
public class TokenKeyAdministration {

  private AccessTokens tokens;
  private SecurityAudit audit;

  /** For CDI's proxy. */
  protected TokenKeyAdministration() {}

  @Inject
  TokenKeyAdministration(AccessTokens tokens, SecurityAudit audit) {
    this.tokens = tokens;
    this.audit = audit;
  }

  /** Rotates the signing key, audited. */
  public AccessTokens.KeyRotation rotate(String actor, String address) {
    AccessTokens.KeyRotation rotation = tokens.rotateKeys();
    String retired =
        rotation.keys().stream()
            .filter(k -> k.retiredAt().isPresent())
            .map(k -> k.keyId() + " (accepted until " + k.verifiesUntil().orElseThrow() + ")")
            .collect(Collectors.joining(", "));
    audit.record(
        TenantId.NATIONAL,
        new AuditEvent(
            actor,
            "token-key.rotated",
            "token-key",
            rotation.signing(),
            "signs from now on; retired: " + (retired.isEmpty() ? "none" : retired),
            address));
    return rotation;
  }

  /** The keys whose tokens are accepted. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<AccessTokens.KeyView> keys() {
    return tokens.keys();
  }
}
