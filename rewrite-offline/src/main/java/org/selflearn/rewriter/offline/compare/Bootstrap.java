package org.selflearn.rewriter.offline.compare;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap over customers: each resample draws as many customers as there are, with replacement, from a
 * {@link SplittableRandom} seeded once, sums their {@link Tallies} (a customer drawn k times counts k times) and
 * computes every group's {@link Figures}. No turn is replayed again. The interval of a figure is the 2.5th and 97.5th
 * percentile of its resampled values; its estimate is the figure on the logs as they are.
 */
public final class Bootstrap {
  /** Coverage of the intervals. */
  public static final double LEVEL = 0.95;

  private final int resamples;
  private final long seed;

  public Bootstrap(int resamples, long seed) {
    if (resamples < 20) {
      throw new IllegalArgumentException("resamples must be at least 20 for a 95% interval, got " + resamples);
    }
    this.resamples = resamples;
    this.seed = seed;
  }

  public int resamples() {
    return resamples;
  }

  public long seed() {
    return seed;
  }

  /** Every group's figures on the full logs and their intervals. */
  public Intervals run(Tallies tallies) {
    int groups = tallies.groups();
    int n = tallies.customers();
    double[] estimate = new double[groups * Figures.COUNT];
    double[] one = new double[Figures.COUNT];
    for (int g = 0; g < groups; g++) {
      Figures.compute(tallies.total(), g, one);
      System.arraycopy(one, 0, estimate, g * Figures.COUNT, Figures.COUNT);
    }
    double[][] draws = new double[groups * Figures.COUNT][resamples];
    SplittableRandom random = new SplittableRandom(seed);
    int[] weight = new int[n];
    long[] sums = new long[groups * Tallies.WIDTH];
    for (int r = 0; r < resamples; r++) {
      Arrays.fill(weight, 0);
      Arrays.fill(sums, 0);
      for (int i = 0; i < n; i++) {
        weight[random.nextInt(n)]++;
      }
      for (int c = 0; c < n; c++) {
        if (weight[c] != 0) {
          tallies.add(c, weight[c], sums);
        }
      }
      for (int g = 0; g < groups; g++) {
        Figures.compute(sums, g, one);
        for (int f = 0; f < Figures.COUNT; f++) {
          draws[g * Figures.COUNT + f][r] = one[f];
        }
      }
    }
    double[] low = new double[estimate.length];
    double[] high = new double[estimate.length];
    double tail = (1 - LEVEL) / 2;
    for (int i = 0; i < draws.length; i++) {
      double[] d = draws[i];
      Arrays.sort(d);
      low[i] = percentile(d, tail);
      high[i] = percentile(d, 1 - tail);
    }
    return new Intervals(estimate, low, high);
  }

  /** Linear interpolation between the closest ranks of sorted values. */
  static double percentile(double[] sorted, double p) {
    double pos = p * (sorted.length - 1);
    int i = (int) Math.floor(pos);
    if (i + 1 >= sorted.length) {
      return sorted[sorted.length - 1];
    }
    return sorted[i] + (pos - i) * (sorted[i + 1] - sorted[i]);
  }

  /** Estimates and interval bounds, indexed by {@code group * Figures.COUNT + figure}. */
  public record Intervals(double[] estimate, double[] low, double[] high) {
    double estimate(int group, int figure) {
      return estimate[group * Figures.COUNT + figure];
    }

    double low(int group, int figure) {
      return low[group * Figures.COUNT + figure];
    }

    double high(int group, int figure) {
      return high[group * Figures.COUNT + figure];
    }
  }
}
