package org.selflearn.rewriter.markov;

import java.util.stream.IntStream;

/**
 * Solves every group of a {@link ChainSet}, in parallel on the common fork-join pool: groups of at most
 * {@code exactMaxStates} states exactly, larger ones iteratively.
 */
public final class ChainSolver {
  private final int exactMaxStates;
  private final AbsorptionSolver exact = new DenseLuSolver();
  private final AbsorptionSolver iterative;

  public ChainSolver(int exactMaxStates, double tolerance, int maxIterations) {
    if (exactMaxStates < 1) {
      throw new IllegalArgumentException("exactMaxStates must be >= 1, got " + exactMaxStates);
    }
    this.exactMaxStates = exactMaxStates;
    this.iterative = new GaussSeidelSolver(tolerance, maxIterations);
  }

  /** The probability of ending in SUCCESS for every state of the builder, by the builder's state id. */
  public double[] successProbabilities(ChainSet set) {
    double[] out = new double[set.states()];
    IntStream.range(0, set.chains().size()).parallel().forEach(g -> {
      AbsorbingChain chain = set.chains().get(g);
      Absorption a = (chain.size() <= exactMaxStates ? exact : iterative).solve(chain);
      for (int i = 0; i < chain.size(); i++) {
        out[chain.globalId(i)] = a.success()[i];
      }
    });
    return out;
  }
}
