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
 * @param targetSuccess the target's absorption probability into SUCCESS
 * @param bound the lower confidence bound used for the gain
 */
public record RewriteDecision(String source, String target, boolean kept, String reason, long support,
    long customers, double sourceSuccess, double targetSuccess, double bound) {

  /**
   * Expected gain of rewriting every occurrence of the source: those who succeeded with the source as said are
   * taken to have meant it (the rewrite would fail them), the others succeed with the target's lower bound:
   * bound × (1 − sourceSuccess) − sourceSuccess.
   */
  public double gain() {
    return bound * (1 - sourceSuccess) - sourceSuccess;
  }
}
