package org.selflearn.rewriter.markov;

/**
 * What followed a source state in the chains where the customer did not stop at it: how many such chains there were,
 * how many of them ended in SUCCESS at another state, and how many distinct customers those successful chains came
 * from. The denominator of the dominance gate of {@link RewriteSelectionPolicy}.
 *
 * @param source the source state
 * @param chains chains in which the source was followed by another turn
 * @param successes of those, chains that ended in SUCCESS at a state other than the source
 * @param successCustomers distinct customers of those successful chains (saturating)
 */
public record RephraseOutcomes(String source, long chains, long successes, long successCustomers) {
  public RephraseOutcomes {
    if (chains < 0 || successes < 0 || successes > chains || successCustomers < 0) {
      throw new IllegalArgumentException("invalid rephrase outcomes: chains=" + chains + " successes=" + successes
          + " successCustomers=" + successCustomers);
    }
  }
}
