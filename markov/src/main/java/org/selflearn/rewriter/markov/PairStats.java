package org.selflearn.rewriter.markov;

/**
 * How often, within one rephrase chain, {@code source} was followed (directly or later) by {@code target}.
 *
 * @param source the earlier state
 * @param target the later state
 * @param chains number of chains with this ordered pair
 * @param customers distinct customers of those chains (saturating)
 * @param targetSuccesses of those chains, how many ended in SUCCESS at the target
 */
public record PairStats(String source, String target, long chains, long customers, long targetSuccesses) {
  public PairStats {
    if (chains < 0 || customers < 0 || targetSuccesses < 0 || targetSuccesses > chains) {
      throw new IllegalArgumentException("invalid pair stats: chains=" + chains + " customers=" + customers
          + " targetSuccesses=" + targetSuccesses);
    }
  }
}
