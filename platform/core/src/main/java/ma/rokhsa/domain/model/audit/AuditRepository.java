package ma.rokhsa.domain.model.audit;

import java.util.List;
import java.util.Optional;
import ma.rokhsa.domain.model.tenant.TenantId;

/**
 * The audit chains and their entries. Every read names its tenant; there is no way to change or
 * remove an entry.
 */
public interface AuditRepository {

  /**
   * The tenant's chain, locked against other appends until the transaction ends; empty if the
   * tenant never recorded anything.
   */
  Optional<AuditChain> lockChain(TenantId tenant);

  /** The tenant's chain head as it is now, unlocked. */
  Optional<ChainHead> head(TenantId tenant);

  void store(AuditChain chain);

  /**
   * Starts the chain of every tenant that has none yet (after tenants were created), so that a
   * first append never has to create one under concurrent writers. Returns how many were started.
   */
  int startMissingChains();

  void append(AuditEntry entry);

  /**
   * Entries of the tenant in sequence order, after the sequence {@code after}, at most {@code
   * limit}; only those about the subject type and id when given.
   */
  List<AuditEntry> entries(
      TenantId tenant,
      Optional<String> subjectType,
      Optional<String> subjectId,
      long after,
      int limit);

  /**
   * Links of the tenant's chain in sequence order, from after {@code after} up to {@code upTo}
   * included, at most {@code limit} of them; read as plain values, not kept by the persistence
   * context.
   */
  List<ChainLink> links(TenantId tenant, long after, long upTo, int limit);
}
