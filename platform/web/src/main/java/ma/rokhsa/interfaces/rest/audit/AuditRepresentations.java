package ma.rokhsa.interfaces.rest.audit;

import java.time.Instant;
import java.util.List;
import ma.rokhsa.domain.model.audit.AuditEntry;
import ma.rokhsa.domain.model.audit.AuditEvent;
import ma.rokhsa.domain.model.audit.ChainVerification;

/** The JSON shapes of the audit API. */
public final class AuditRepresentations {

  private AuditRepresentations() {}

  /**
   * One audit entry.
   *
   * @param sequence its position in the tenant's chain, from 1
   * @param recordedAt when
   * @param actor who: an account's username, or {@code system}
   * @param action what ({@code dossier.submitted}, {@code signature-key.assigned}…)
   * @param subjectType on what kind of thing
   * @param subjectId on which one
   * @param detail more, or empty
   * @param sourceAddress from which address, or empty for the platform itself
   * @param previousHash the hash of the entry before
   * @param hash this entry's hash
   */
  public record EntryView(
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

    static EntryView of(AuditEntry entry) {
      AuditEvent event = entry.event();
      return new EntryView(
          entry.sequence(),
          entry.recordedAt(),
          event.actor(),
          event.action(),
          event.subjectType(),
          event.subjectId(),
          event.detail(),
          event.sourceAddress(),
          entry.previousHash(),
          entry.hash());
    }
  }

  /**
   * A page of entries, in sequence order.
   *
   * @param entries the entries
   * @param next the {@code after} value that asks for the next page; absent on the last page
   */
  public record Page(List<EntryView> entries, Long next) {}

  /**
   * The verification of a tenant's chain.
   *
   * @param tenant the tenant
   * @param intact whether every entry and the head check out
   * @param entries how many entries were found sound, in order (all of them when intact)
   * @param lastHash the hash of the last sound entry
   * @param brokenAt the sequence of the first bad entry (the first missing one when removed); null
   *     when intact
   * @param fault ALTERED, REMOVED, PREVIOUS_HASH_MISMATCH, TRUNCATED or HEAD_MISMATCH; null when
   *     intact
   * @param explanation what was found, in a sentence; null when intact
   */
  public record VerificationView(
      String tenant,
      boolean intact,
      long entries,
      String lastHash,
      Long brokenAt,
      String fault,
      String explanation) {

    static VerificationView of(ChainVerification verification) {
      return new VerificationView(
          verification.tenant(),
          verification.intact(),
          verification.entries(),
          verification.lastHash(),
          verification.broken().map(b -> b.sequence()).orElse(null),
          verification.broken().map(b -> b.fault().name()).orElse(null),
          verification.broken().map(b -> b.explanation()).orElse(null));
    }
  }

  /**
   * What the background verification last found of one chain (ADR 0033).
   *
   * @param tenant the chain's tenant ({@code national} for the national chain)
   * @param intact whether it was found intact
   * @param verifiedEntries how many entries, in order, were found sound (the checkpoint)
   * @param verifiedHash the hash of the last of them
   * @param checkedAt when it was last verified
   * @param fullWalkAt when it was last walked from its first entry
   * @param brokenAt the entry where it is broken, if it is
   * @param fault why
   * @param explanation in a sentence
   * @param brokenSince since when it is found broken
   */
  public record ChainCheckView(
      String tenant,
      boolean intact,
      long verifiedEntries,
      String verifiedHash,
      String checkedAt,
      String fullWalkAt,
      Long brokenAt,
      String fault,
      String explanation,
      String brokenSince) {

    static ChainCheckView of(ma.rokhsa.domain.model.audit.ChainCheck check) {
      return new ChainCheckView(
          check.tenant(),
          check.intact(),
          check.verifiedSequence(),
          check.verifiedHash(),
          check.checkedAt().toString(),
          check.fullWalkAt().toString(),
          check.broken().map(b -> b.sequence()).orElse(null),
          check.broken().map(b -> b.fault().name()).orElse(null),
          check.broken().map(b -> b.explanation()).orElse(null),
          check.brokenSince().map(Object::toString).orElse(null));
    }
  }

  /**
   * The background verification's findings.
   *
   * @param broken how many chains were last found broken
   * @param chains each chain's last check (only the broken ones when asked)
   */
  public record BackgroundVerificationView(long broken, List<ChainCheckView> chains) {}
}
