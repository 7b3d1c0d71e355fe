package ma.rokhsa.domain.model.report;

import java.util.Arrays;
import java.util.OptionalInt;

/**
 * The delays of a set of decided dossiers, in working days, and their percentiles by the
 * nearest-rank method: the p-th percentile is the smallest delay within which at least p % of the
 * dossiers were decided — always a delay some dossier really took, in whole working days (ADR
 * 0036). The median is the 50th percentile: with an even count, the lower of the two middle delays.
 */
public final class DelayDistribution {

  private int[] delays = new int[8];
  private int count;
  private boolean sorted = true;

  /** Adds the delay of one decided dossier. */
  public void add(int workingDays) {
    if (workingDays < 0) {
      throw new IllegalArgumentException("a delay is zero or more working days: " + workingDays);
    }
    if (count == delays.length) {
      delays = Arrays.copyOf(delays, count * 2);
    }
    delays[count++] = workingDays;
    sorted = false;
  }

  /** How many delays it holds. */
  public int count() {
    return count;
  }

  /**
   * The {@code p}-th percentile (1 to 100), nearest rank: the delay at rank ⌈p·n/100⌉ in increasing
   * order; empty when no dossier was decided.
   */
  public OptionalInt percentile(int p) {
    if (p < 1 || p > 100) {
      throw new IllegalArgumentException("a percentile is between 1 and 100: " + p);
    }
    if (count == 0) {
      return OptionalInt.empty();
    }
    if (!sorted) {
      Arrays.sort(delays, 0, count);
      sorted = true;
    }
    int rank = (int) ((p * (long) count + 99) / 100);
    return OptionalInt.of(delays[Math.max(rank, 1) - 1]);
  }

  /** The median: the 50th percentile. */
  public OptionalInt median() {
    return percentile(50);
  }
}
