package org.selflearn.rewriter.common.stats;

/**
 * The smoothed success rate of a request: the posterior mean of its success probability under a uniform Beta(1, 1)
 * prior (Laplace's rule of succession), {@code (s + 1) / (n + 2)}. A request said once and failed scores 1/3, not 0;
 * one never said scores 1/2.
 */
public final class SuccessRate {
  /**
   * Default line above which a request "usually succeeds" (the default of {@code online.usually-succeeds}): a request
   * needs clearly more successes than failures, and at least two successes in a row when it has no other evidence
   * ((2 + 1) / (2 + 2) = 0.75, while one success gives 0.67 and a single failure 0.33).
   */
  public static final double USUALLY_SUCCEEDS = 0.6;

  private SuccessRate() {}

  /**
   * Smoothed success rate {@code (successes + 1) / (turns + 2)}.
   *
   * @param successes turns that succeeded
   * @param turns turns in all
   * @return a rate in (0, 1)
   */
  public static double smoothed(long successes, long turns) {
    return (successes + 1.0) / (turns + 2.0);
  }

  /** Whether the smoothed success rate is at least {@link #USUALLY_SUCCEEDS}. */
  public static boolean usuallySucceeds(long successes, long turns) {
    return smoothed(successes, turns) >= USUALLY_SUCCEEDS;
  }
}
