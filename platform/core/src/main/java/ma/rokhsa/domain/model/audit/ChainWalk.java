package ma.rokhsa.domain.model.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * Verifies one tenant's chain, entry by entry in sequence order, without holding it in memory: feed
 * every entry to {@link #accept} (it answers false once the chain is found broken, so the caller
 * may stop reading), then call {@link #finish} with the chain head.
 *
 * <pre>{@code
 * ChainWalk walk = new ChainWalk("06.141.01.0");
 * for (ChainLink link : linksInSequenceOrder) { if (!walk.accept(link)) break; }
 * ChainVerification result = walk.finish(head);
 * }</pre>
 *
 * An entry is checked in this order: its sequence (a jump names the first missing number: REMOVED),
 * its own hash (ALTERED), then the previous hash it names (PREVIOUS_HASH_MISMATCH). An entry
 * changed and re-hashed by someone who knows the algorithm still breaks the next entry's link; only
 * rewriting every later entry and the head would not, which is why the head hash is worth copying
 * outside the database from time to time.
 */
public final class ChainWalk {

  private final String tenant;
  private long expected = 1;
  private long sound;
  private String lastHash = AuditHash.GENESIS;
  private ChainBreak broken;

  public ChainWalk(String tenant) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
  }

  /**
   * A walk that resumes after entries already found sound: the first entry given must be {@code
   * sequence + 1} and name {@code hash} as its previous hash. For incremental verification from a
   * checkpoint; the entries up to it are the checkpoint's concern.
   */
  public static ChainWalk after(String tenant, long sequence, String hash) {
    if (sequence < 0) {
      throw new IllegalArgumentException("a sequence is not negative: " + sequence);
    }
    ChainWalk walk = new ChainWalk(tenant);
    walk.expected = sequence + 1;
    walk.sound = sequence;
    walk.lastHash = Objects.requireNonNull(hash, "hash");
    return walk;
  }

  /** Checks the next entry; false once the chain is broken (further entries are then ignored). */
  public boolean accept(ChainLink link) {
    if (broken != null) {
      return false;
    }
    if (!tenant.equals(link.tenant())) {
      throw new IllegalArgumentException(
          "entry of tenant " + link.tenant() + " given to the walk of tenant " + tenant);
    }
    if (link.sequence() != expected) {
      broken =
          link.sequence() > expected
              ? new ChainBreak(
                  expected,
                  ChainFault.REMOVED,
                  missing(expected, link.sequence() - 1)
                      + " missing: entry "
                      + link.sequence()
                      + " follows entry "
                      + (expected - 1))
              : new ChainBreak(
                  link.sequence(),
                  ChainFault.REMOVED,
                  "entry " + link.sequence() + " appears again after entry " + (expected - 1));
      return false;
    }
    String computed = AuditHash.of(link);
    if (!computed.equals(link.hash())) {
      broken =
          new ChainBreak(
              link.sequence(),
              ChainFault.ALTERED,
              "entry "
                  + link.sequence()
                  + " was changed: its content hashes to "
                  + computed
                  + ", not to the stored "
                  + link.hash());
      return false;
    }
    if (!lastHash.equals(link.previousHash())) {
      broken =
          new ChainBreak(
              link.sequence(),
              ChainFault.PREVIOUS_HASH_MISMATCH,
              "entry "
                  + link.sequence()
                  + " names "
                  + link.previousHash()
                  + " as the previous hash, but "
                  + (link.sequence() == 1
                      ? "the first entry must name " + AuditHash.GENESIS
                      : "entry " + (link.sequence() - 1) + " hashes to " + lastHash)
                  + ": entry "
                  + (link.sequence() - 1)
                  + " or this one was replaced");
      return false;
    }
    expected++;
    sound++;
    lastHash = link.hash();
    return true;
  }

  /**
   * The outcome, once every entry was given (or the walk stopped): also checks the chain head, the
   * last sequence and hash recorded when the latest entry was appended; empty when the tenant has
   * no head (it never recorded anything — or its head was deleted).
   */
  public ChainVerification finish(Optional<ChainHead> head) {
    if (broken == null) {
      broken = headBreak(head).orElse(null);
    }
    return new ChainVerification(tenant, sound, lastHash, Optional.ofNullable(broken));
  }

  private Optional<ChainBreak> headBreak(Optional<ChainHead> head) {
    if (head.isEmpty()) {
      return sound == 0
          ? Optional.empty()
          : Optional.of(
              new ChainBreak(
                  sound,
                  ChainFault.HEAD_MISMATCH,
                  "the chain head is missing while " + sound + " entries exist"));
    }
    ChainHead h = head.get();
    if (h.lastSequence() > sound) {
      return Optional.of(
          new ChainBreak(
              sound + 1,
              ChainFault.TRUNCATED,
              missing(sound + 1, h.lastSequence())
                  + " missing: the chain head counts "
                  + h.lastSequence()
                  + " entries, the last found is entry "
                  + sound));
    }
    if (h.lastSequence() < sound) {
      return Optional.of(pastHead(h.lastSequence() + 1, h.lastSequence()));
    }
    if (!h.lastHash().equals(lastHash)) {
      return Optional.of(
          new ChainBreak(
              sound,
              ChainFault.HEAD_MISMATCH,
              "the chain head holds "
                  + h.lastHash()
                  + " for entry "
                  + sound
                  + ", which hashes to "
                  + lastHash));
    }
    return Optional.empty();
  }

  /**
   * The break of a chain whose entries go on past its head: entry {@code firstPast} and maybe more
   * were not appended by the platform (or the head was put back).
   */
  public static ChainBreak pastHead(long firstPast, long headSequence) {
    return new ChainBreak(
        firstPast,
        ChainFault.HEAD_MISMATCH,
        "entry "
            + firstPast
            + " is past the chain head, which counts "
            + headSequence
            + " entries: it was not appended by the platform, or the head was put back");
  }

  private static String missing(long from, long to) {
    return from == to ? "entry " + from + " is" : "entries " + from + " to " + to + " are";
  }
}
