package org.selflearn.rewriter.markov;

/**
 * The policy's verdict on one candidate pair, with its evidence.
 *
 * @param source source state
 * @param target target state
 * @param kept whether the pair becomes a rewrite
 * @param reason why it was kept or dropped, e.g. {@code kept}, {@code min-customers}
 * @param support chains with the pair
 * @param customers distinct customers behind the pair
 * @param sourceSuccess the source's direct success rate (posterior mean)
 * @param targetSuccess the probability that a turn of the source ends in SUCCESS at the target (point estimate)
 * @param bound its lower confidence bound
 * @param dominance share of the customers whose chains from the source ended in a success who ended at this target
 */
public record RewriteDecision(String source, String target, boolean kept, String reason, long support,
    long customers, double sourceSuccess, double targetSuccess, double bound, double dominance) {

  /**
   * Expected gain of rewriting every occurrence of the source: a turn of the source succeeds through the target with
   * at least {@code bound}, while as said it succeeds with {@code sourceSuccess}; the gain is the difference.
   */
  public double gain() {
    return bound - sourceSuccess;
  }
}
