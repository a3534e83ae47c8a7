package org.selflearn.rewriter.markov;

import java.util.SplittableRandom;

/** Seeded random absorbing chains for property tests, with cycles and self-loops. */
final class RandomChains {
  private RandomChains() {}

  static ChainBuilder random(SplittableRandom rng, int states, double edgeProbability) {
    ChainBuilder b = new ChainBuilder();
    for (int i = 0; i < states; i++) {
      b.state("s" + i);
    }
    for (int i = 0; i < states; i++) {
      for (int j = 0; j < states; j++) {
        if (rng.nextDouble() < edgeProbability) {
          b.addTransition(i, j, 1 + rng.nextInt(20)); // includes i == j (self-loops) and both directions (cycles)
        }
      }
      b.addSuccess(i, rng.nextInt(10));
      b.addFailure(i, rng.nextInt(10));
    }
    return b;
  }

  /** Dense reference: B = (I − Q)⁻¹R by Gauss–Jordan on the full matrix. */
  static double[][] denseReference(AbsorbingChain c) {
    int n = c.size();
    double[][] a = new double[n][n + 2];
    for (int i = 0; i < n; i++) {
      a[i][i] = 1;
      for (int k = c.rowPtr()[i]; k < c.rowPtr()[i + 1]; k++) {
        a[i][c.col()[k]] -= c.val()[k];
      }
      a[i][n] = c.toSuccess()[i];
      a[i][n + 1] = c.toFailure()[i];
    }
    for (int col = 0; col < n; col++) {
      int p = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[p][col])) {
          p = r;
        }
      }
      double[] t = a[p];
      a[p] = a[col];
      a[col] = t;
      for (int r = 0; r < n; r++) {
        if (r != col) {
          double f = a[r][col] / a[col][col];
          for (int k = col; k < n + 2; k++) {
            a[r][k] -= f * a[col][k];
          }
        }
      }
    }
    double[][] b = new double[n][2];
    for (int i = 0; i < n; i++) {
      b[i][0] = a[i][n] / a[i][i];
      b[i][1] = a[i][n + 1] / a[i][i];
    }
    return b;
  }
}
