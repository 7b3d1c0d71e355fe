package ma.rokhsa.domain.model.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import ma.rokhsa.domain.model.tenant.TenantId;

/**
 * A tenant's audit chain, by its head: the last sequence appended and its hash. Every append goes
 * through here, with this row locked, so a tenant's entries are numbered 1, 2, 3… without gaps or
 * forks whatever the number of nodes and threads; tenants do not wait for each other.
 */
@Entity
@Table(name = "audit_chain")
public class AuditChain {

  @Id
  @Column(name = "tenant_id", length = 64, updatable = false)
  private String tenantId;

  @Column(name = "last_sequence", nullable = false)
  private long lastSequence;

  @Column(name = "last_hash", nullable = false, length = 64)
  private String lastHash;

  protected AuditChain() {
    // for JPA
  }

  /** A new, empty chain for the tenant. */
  public static AuditChain start(TenantId tenant) {
    AuditChain chain = new AuditChain();
    chain.tenantId = Objects.requireNonNull(tenant, "tenant").value();
    chain.lastSequence = 0;
    chain.lastHash = AuditHash.GENESIS;
    return chain;
  }

  /** The chain of a tenant at a head read from the database (tools and tests that append). */
  public static AuditChain resume(TenantId tenant, ChainHead head) {
    AuditChain chain = start(tenant);
    chain.lastSequence = head.lastSequence();
    chain.lastHash = Objects.requireNonNull(head.lastHash(), "last hash");
    return chain;
  }

  /** Appends the event as the next entry, recorded at {@code now}; the caller stores the entry. */
  public AuditEntry append(AuditEvent event, Instant now) {
    Objects.requireNonNull(event, "event");
    long sequence = lastSequence + 1;
    AuditEntry entry =
        new AuditEntry(
            tenantId,
            sequence,
            now.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC),
            event,
            lastHash);
    lastSequence = sequence;
    lastHash = entry.hash();
    return entry;
  }

  public TenantId tenant() {
    return TenantId.of(tenantId);
  }

  public ChainHead head() {
    return new ChainHead(lastSequence, lastHash);
  }
}
