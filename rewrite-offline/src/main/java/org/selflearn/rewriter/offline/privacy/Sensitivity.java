package org.selflearn.rewriter.offline.privacy;

/**
 * How much one customer can change a set of per-key counts, once {@link ContributionBounder} has bounded what they
 * contribute: at most {@code maxKeys} keys, each by at most {@code maxPerKey}. These are properties of the bounding,
 * never of the data observed.
 *
 * @param maxKeys most keys one customer's contributions reach (L0 sensitivity)
 * @param maxPerKey most one customer adds to one key's count (L∞ sensitivity)
 */
public record Sensitivity(int maxKeys, long maxPerKey) {
  public Sensitivity {
    if (maxKeys < 1) {
      throw new IllegalArgumentException("maxKeys must be at least 1, got " + maxKeys);
    }
    if (maxPerKey < 1) {
      throw new IllegalArgumentException("maxPerKey must be at least 1, got " + maxPerKey);
    }
  }

  /** The L1 sensitivity: {@code maxKeys × maxPerKey}. */
  public long l1() {
    return Math.multiplyExact(maxKeys, maxPerKey);
  }
}
