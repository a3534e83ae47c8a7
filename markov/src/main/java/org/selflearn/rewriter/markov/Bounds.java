package org.selflearn.rewriter.markov;

/**
 * Confidence bounds of a binomial proportion: the Wilson score interval (Wilson 1927), a closed-form approximation of
 * the Beta posterior's quantiles that stays inside [0, 1] and is conservative for small n.
 */
public final class Bounds {
  private Bounds() {}

  /** Lower bound of the proportion p observed over n trials at one-sided confidence {@code confidence}. */
  public static double wilsonLower(double p, double n, double confidence) {
    if (n <= 0) {
      return 0;
    }
    double z = normalQuantile(confidence);
    double z2 = z * z;
    double centre = p + z2 / (2 * n);
    double spread = z * Math.sqrt(Math.max(0, p * (1 - p)) / n + z2 / (4 * n * n));
    return Math.max(0, (centre - spread) / (1 + z2 / n));
  }

  /** Upper bound of the proportion p observed over n trials. */
  public static double wilsonUpper(double p, double n, double confidence) {
    return n <= 0 ? 1 : 1 - wilsonLower(1 - p, n, confidence);
  }

  /**
   * Standard normal quantile for probabilities in (0.5, 1), Abramowitz &amp; Stegun 26.2.23 (|error| &lt; 4.5e-4).
   */
  public static double normalQuantile(double probability) {
    if (!(probability > 0 && probability < 1)) {
      throw new IllegalArgumentException("probability must be in (0, 1), got " + probability);
    }
    if (probability < 0.5) {
      return -normalQuantile(1 - probability);
    }
    double t = Math.sqrt(-2 * Math.log(1 - probability));
    return t - (2.515517 + 0.802853 * t + 0.010328 * t * t)
        / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
  }
}
