package org.selflearn.rewriter.markov;

/**
 * Iterative solve of B = QB + R by Gauss–Seidel sweeps over the CSR rows (Saad, <i>Iterative Methods for Sparse
 * Linear Systems</i>, §4.1). Converges for absorbing chains because the spectral radius of Q is below 1. Self-loops
 * are solved for in place: b_i = (r_i + Σ_{j≠i} q_ij b_j) / (1 − q_ii).
 */
public final class GaussSeidelSolver implements AbsorptionSolver {
  private final double tolerance;
  private final int maxIterations;

  /**
   * @param tolerance largest absolute change of any entry in a sweep at which to stop, in (0, 1)
   * @param maxIterations sweep cap, >= 1
   */
  public GaussSeidelSolver(double tolerance, int maxIterations) {
    if (!(tolerance > 0 && tolerance < 1)) {
      throw new IllegalArgumentException("tolerance must be in (0, 1), got " + tolerance);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
    }
    this.tolerance = tolerance;
    this.maxIterations = maxIterations;
  }

  @Override
  public Absorption solve(AbsorbingChain chain) {
    chain.checkAbsorbing();
    double[] s = sweepUntilConverged(chain, chain.toSuccess());
    double[] f = sweepUntilConverged(chain, chain.toFailure());
    return new Absorption(s, f);
  }

  private double[] sweepUntilConverged(AbsorbingChain chain, double[] r) {
    int n = chain.size();
    int[] rowPtr = chain.rowPtr();
    int[] col = chain.col();
    double[] val = chain.val();
    double[] b = r.clone();
    double change = Double.POSITIVE_INFINITY;
    for (int it = 0; it < maxIterations; it++) {
      change = 0;
      for (int i = 0; i < n; i++) {
        double sum = r[i];
        double self = 0;
        for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
          int j = col[k];
          if (j == i) {
            self += val[k];
          } else {
            sum += val[k] * b[j];
          }
        }
        double next = sum / (1.0 - self);
        change = Math.max(change, Math.abs(next - b[i]));
        b[i] = next;
      }
      if (change <= tolerance) {
        return b;
      }
    }
    throw new SolverDivergenceException(n, maxIterations, change, tolerance);
  }
}
