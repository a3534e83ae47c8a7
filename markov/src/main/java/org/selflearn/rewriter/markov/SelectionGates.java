package org.selflearn.rewriter.markov;

/**
 * The gates a rewrite must pass to be kept.
 *
 * @param minSupport minimum chains with the pair
 * @param minCustomers minimum distinct customers behind the pair (privacy: k-anonymity of global rewrites)
 * @param minGain minimum (target success lower bound − source direct success)
 * @param confidence one-sided confidence of the Wilson lower bound, in [0.5, 1)
 */
public record SelectionGates(int minSupport, int minCustomers, double minGain, double confidence) {
  public SelectionGates {
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
}
