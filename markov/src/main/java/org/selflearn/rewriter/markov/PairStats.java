package org.selflearn.rewriter.markov;

/**
 * How often, within one rephrase chain, {@code source} was followed (directly or later) by {@code target}.
 *
 * @param source the earlier state
 * @param target the later state
 * @param chains number of chains with this ordered pair
 * @param customers distinct customers of those chains (saturating)
 * @param targetSuccesses of those chains, how many ended in SUCCESS at the target
 * @param successCustomers distinct customers of the chains that ended in SUCCESS at the target (saturating)
 */
public record PairStats(String source, String target, long chains, long customers, long targetSuccesses,
    long successCustomers) {
  public PairStats {
    if (chains < 0 || customers < 0 || targetSuccesses < 0 || targetSuccesses > chains || successCustomers < 0
        || successCustomers > targetSuccesses) {
      throw new IllegalArgumentException("invalid pair stats: chains=" + chains + " customers=" + customers
          + " targetSuccesses=" + targetSuccesses + " successCustomers=" + successCustomers);
    }
  }

  /** Pair statistics whose successful chains each came from a different customer (at most {@code customers}). */
  public PairStats(String source, String target, long chains, long customers, long targetSuccesses) {
    this(source, target, chains, customers, targetSuccesses, Math.min(customers, targetSuccesses));
  }
}
