package ma.rokhsa.domain.model.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a tenant's chain as stored, in plain values: what {@link AuditHash} hashes and
 * {@link ChainWalk} checks. The server reads it from its entities, the verification command from
 * JDBC rows, so both check the same thing the same way.
 *
 * @param tenant the tenant's id, as stored
 * @param sequence its position in the tenant's chain, from 1
 * @param recordedAt when it was recorded (microsecond precision)
 * @param actor who
 * @param action what
 * @param subjectType on what kind of thing
 * @param subjectId on which one
 * @param detail more, or empty
 * @param sourceAddress from where, or empty
 * @param previousHash the hash of the entry before ({@link AuditHash#GENESIS} for the first)
 * @param hash the hash stored with it
 */
public record ChainLink(
    String tenant,
    long sequence,
    Instant recordedAt,
    String actor,
    String action,
    String subjectType,
    String subjectId,
    String detail,
    String sourceAddress,
    String previousHash,
    String hash) {

  public ChainLink {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(recordedAt, "recordedAt");
  }
}
