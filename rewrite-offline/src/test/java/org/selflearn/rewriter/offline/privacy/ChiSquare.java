package org.selflearn.rewriter.offline.privacy;

import java.util.Map;
import java.util.function.LongToDoubleFunction;

/**
 * Pearson's chi-square goodness of fit of integer draws from a distribution symmetric about 0: one bin per value
 * {@code -K..K} and one for each tail, with K the largest value whose bin and tail both expect at least 5 draws.
 */
final class ChiSquare {
  /** The statistic and its degrees of freedom. */
  record Result(double statistic, int degreesOfFreedom) {
    /** The Wilson–Hilferty approximation of the upper {@code alpha} quantile of chi-square with these df. */
    double critical(double z) {
      double k = degreesOfFreedom;
      double c = 1 - 2 / (9 * k) + z * Math.sqrt(2 / (9 * k));
      return k * c * c * c;
    }

    /** Whether the fit is rejected at {@code z} standard normal deviations (3.719: alpha = 1e-4). */
    boolean rejected(double z) {
      return statistic > critical(z);
    }
  }

  private ChiSquare() {}

  static Result symmetric(Map<Long, Long> observed, long draws, LongToDoubleFunction pmf) {
    int k = 0;
    while (true) {
      double inner = 0;
      for (long y = -(k + 1); y <= k + 1; y++) {
        inner += pmf.applyAsDouble(y);
      }
      double tail = (1 - inner) / 2;
      if (draws * pmf.applyAsDouble(k + 1) < 5 || draws * tail < 5) {
        break;
      }
      k++;
    }
    double inner = 0;
    for (long y = -k; y <= k; y++) {
      inner += pmf.applyAsDouble(y);
    }
    double tailExpected = draws * (1 - inner) / 2;
    double stat = 0;
    long below = 0;
    long above = 0;
    for (Map.Entry<Long, Long> e : observed.entrySet()) {
      if (e.getKey() < -k) {
        below += e.getValue();
      } else if (e.getKey() > k) {
        above += e.getValue();
      }
    }
    for (long y = -k; y <= k; y++) {
      double expected = draws * pmf.applyAsDouble(y);
      double d = observed.getOrDefault(y, 0L) - expected;
      stat += d * d / expected;
    }
    int bins = 2 * k + 1;
    if (tailExpected >= 5) {
      stat += (below - tailExpected) * (below - tailExpected) / tailExpected;
      stat += (above - tailExpected) * (above - tailExpected) / tailExpected;
      bins += 2;
    } else if (below + above > 0) {
      stat = Double.POSITIVE_INFINITY; // draws where the distribution puts (almost) no mass
    }
    return new Result(stat, bins - 1);
  }
}
