package org.selflearn.rewriter.offline.bench;

import java.util.Arrays;
import java.util.Locale;
import org.selflearn.rewriter.common.stats.Percentile;

/** Latency samples in nanoseconds and their percentiles, printed in microseconds. */
final class Percentiles {
  private final long[] samples;
  private int n;

  Percentiles(int capacity) {
    samples = new long[capacity];
  }

  void add(long nanos) {
    if (n < samples.length) {
      samples[n++] = nanos;
    }
  }

  String describe() {
    long[] s = Arrays.copyOf(samples, n);
    Arrays.sort(s);
    return String.format(Locale.ROOT, "n=%d p50=%.1f µs p99=%.1f µs p99.9=%.1f µs max=%.1f µs", n,
        Percentile.nearestRank(s, 0.5) / 1e3, Percentile.nearestRank(s, 0.99) / 1e3,
        Percentile.nearestRank(s, 0.999) / 1e3, n == 0 ? 0 : s[n - 1] / 1e3);
  }
}
