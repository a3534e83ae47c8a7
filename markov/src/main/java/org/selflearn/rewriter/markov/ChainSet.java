package org.selflearn.rewriter.markov;

import java.util.List;

/**
 * All connected groups of one builder.
 *
 * @param states total number of transient states
 * @param chains one chain per connected group
 */
public record ChainSet(int states, List<AbsorbingChain> chains) {
  public ChainSet {
    chains = List.copyOf(chains);
  }

  /** The size of the largest group. */
  public int largestGroup() {
    int max = 0;
    for (AbsorbingChain c : chains) {
      max = Math.max(max, c.size());
    }
    return max;
  }
}
