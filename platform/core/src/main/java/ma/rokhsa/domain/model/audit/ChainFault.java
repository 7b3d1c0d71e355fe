package ma.rokhsa.domain.model.audit;

/** Why a chain is broken at an entry. */
public enum ChainFault {
  /** The entry's content no longer gives its hash: it was changed. */
  ALTERED,
  /** The sequence jumps over this number: the entry (and maybe more after it) was removed. */
  REMOVED,
  /**
   * The entry does not name the hash of the entry before it: a neighbour was changed or replaced.
   */
  PREVIOUS_HASH_MISMATCH,
  /** The chain head counts entries past the last one found: the tail from here was removed. */
  TRUNCATED,
  /**
   * The chain head does not hold the last entry's hash, or is missing, or is behind the entries.
   */
  HEAD_MISMATCH,
  /**
   * An entry already found sound no longer holds the hash it had then: it and the entries up to it
   * were rewritten, links recomputed (found by the background verification's checkpoint).
   */
  REWRITTEN
}
