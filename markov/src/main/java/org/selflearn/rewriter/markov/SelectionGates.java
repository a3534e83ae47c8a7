package org.selflearn.rewriter.markov;

/**
 * The gates a rewrite must pass to be kept.
 *
 * @param minSupport minimum chains with the pair
 * @param minCustomers minimum distinct customers behind the pair (privacy: k-anonymity of global rewrites)
 * @param minGain minimum expected gain of rewriting every occurrence of the source, see {@link RewriteDecision#gain()}
 * @param confidence one-sided confidence of the Wilson lower bound, in [0.5, 1)
 * @param minDominance minimum share of the customers whose chains from the source ended in a success (elsewhere) who
 *     ended at the chosen target: below it the source means different things to different customers (ambiguous)
 */
public record SelectionGates(int minSupport, int minCustomers, double minGain, double confidence,
    double minDominance) {
  public SelectionGates {
    if (!(minDominance >= 0 && minDominance <= 1)) {
      throw new IllegalArgumentException("minDominance must be in [0, 1], got " + minDominance);
    }
    if (minSupport < 1) {
      throw new IllegalArgumentException("minSupport must be >= 1, got " + minSupport);
    }
    if (minCustomers < 1) {
      throw new IllegalArgumentException("minCustomers must be >= 1, got " + minCustomers);
    }
    if (!(minGain >= 0 && minGain <= 1)) {
      throw new IllegalArgumentException("minGain must be in [0, 1], got " + minGain);
    }
    if (!(confidence >= 0.5 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in [0.5, 1), got " + confidence);
    }
  }

  /** Gates without a dominance requirement. */
  public SelectionGates(int minSupport, int minCustomers, double minGain, double confidence) {
    this(minSupport, minCustomers, minGain, confidence, 0);
  }
}
