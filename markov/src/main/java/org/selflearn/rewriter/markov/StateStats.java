package org.selflearn.rewriter.markov;

import org.selflearn.rewriter.common.stats.SuccessRate;

/**
 * Direct outcomes of one state: how often it was executed and how often that turn itself succeeded.
 *
 * @param state the state name
 * @param turns turns in this state
 * @param successes turns in this state that were successes
 * @param customers distinct customers (saturating, see the mining documentation)
 */
public record StateStats(String state, long turns, long successes, long customers) {
  public StateStats {
    if (turns < 0 || successes < 0 || successes > turns || customers < 0) {
      throw new IllegalArgumentException("invalid state stats for a state: turns=" + turns + " successes="
          + successes + " customers=" + customers);
    }
  }

  /** Posterior mean of the direct success rate under a uniform prior (see {@link SuccessRate#smoothed}). */
  public double successMean() {
    return SuccessRate.smoothed(successes, turns);
  }
}
