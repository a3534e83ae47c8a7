package org.selflearn.rewriter.markov;

/** An iterative solver stopped at its iteration cap before reaching the tolerance; carries the residual. */
public final class SolverDivergenceException extends RuntimeException {
  private final double residual;

  SolverDivergenceException(int states, int iterations, double residual, double tolerance) {
    super("iterative solve of a group of " + states + " states did not converge in " + iterations
        + " iterations: residual " + residual + " > tolerance " + tolerance);
    this.residual = residual;
  }

  public double residual() {
    return residual;
  }
}
