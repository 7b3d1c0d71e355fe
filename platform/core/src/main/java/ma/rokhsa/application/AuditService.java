package ma.rokhsa.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import ma.rokhsa.domain.model.audit.AuditEntry;
import ma.rokhsa.domain.model.audit.AuditRepository;
import ma.rokhsa.domain.model.audit.ChainHead;
import ma.rokhsa.domain.model.audit.ChainLink;
import ma.rokhsa.domain.model.audit.ChainVerification;
import ma.rokhsa.domain.model.audit.ChainWalk;
import ma.rokhsa.domain.model.tenant.TenantId;

/**
 * Reading a tenant's audit trail and verifying its chain. Recording is {@link
 * HashChainedAuditTrail}.
 */
@ApplicationScoped
@Transactional
public class AuditService {

  /** How many entries a verification reads at a time. */
  static final int PAGE = 1000;

  private AuditRepository audit;

  /** For CDI's proxy. */
  protected AuditService() {}

  @Inject
  AuditService(AuditRepository audit) {
    this.audit = audit;
  }

  /**
   * The tenant's entries in sequence order, after the sequence {@code after}, at most {@code
   * limit}; only those about the subject type and id when given.
   */
  public List<AuditEntry> entries(
      TenantId tenant,
      Optional<String> subjectType,
      Optional<String> subjectId,
      long after,
      int limit) {
    return audit.entries(tenant, subjectType, subjectId, after, limit);
  }

  /**
   * Walks the tenant's chain, from its first entry to the head as it was when the walk began
   * (appends made meanwhile are left for the next verification), and names the first break.
   */
  public ChainVerification verify(TenantId tenant) {
    Optional<ChainHead> head = audit.head(tenant);
    long upTo = head.map(ChainHead::lastSequence).orElse(0L);
    ChainWalk walk = new ChainWalk(tenant.value());
    long after = 0;
    boolean sound = true;
    while (sound && after < upTo) {
      List<ChainLink> page = audit.links(tenant, after, upTo, PAGE);
      if (page.isEmpty()) {
        break;
      }
      for (ChainLink link : page) {
        sound = walk.accept(link);
        if (!sound) {
          break;
        }
        after = link.sequence();
      }
    }
    ChainVerification verification = walk.finish(head);
    if (!verification.intact()) {
      return verification;
    }
    // Entries past the head as first read: appended since (the head now counts them) or not by the
    // platform. The entry is read before the head, which is committed with it.
    Optional<ChainLink> past = audit.links(tenant, upTo, Long.MAX_VALUE, 1).stream().findFirst();
    if (past.isPresent()) {
      long headNow = audit.head(tenant).map(ChainHead::lastSequence).orElse(0L);
      if (past.get().sequence() > headNow) {
        return new ChainVerification(
            verification.tenant(),
            verification.entries(),
            verification.lastHash(),
            Optional.of(ChainWalk.pastHead(past.get().sequence(), headNow)));
      }
    }
    return verification;
  }
}
