package org.selflearn.rewriter.markov;

/** Computes B = (I − Q)⁻¹R for one absorbing chain. Implementations are stateless and thread-safe. */
public interface AbsorptionSolver {
  /**
   * Solves one chain.
   *
   * @throws NonAbsorbingChainException if some state cannot reach an absorbing state
   * @throws SolverDivergenceException if an iterative method does not converge within its cap
   */
  Absorption solve(AbsorbingChain chain);
}
