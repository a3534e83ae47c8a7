package org.selflearn.rewriter.common.stats;

/**
 * Nearest-rank percentiles of sorted samples: the smallest sample such that at least the fraction {@code p} of the
 * samples are at or below it (Hyndman &amp; Fan 1996, definition 1). No interpolation, so a reported latency is one
 * that was measured.
 */
public final class Percentile {
  private Percentile() {}

  /**
   * The nearest-rank percentile.
   *
   * @param sorted samples in ascending order (not modified)
   * @param p fraction in [0, 1]
   * @return the sample at rank {@code ceil(p * n)}, clamped to the samples; 0 when there are none
   */
  public static long nearestRank(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
