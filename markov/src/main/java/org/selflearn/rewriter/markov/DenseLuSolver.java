package org.selflearn.rewriter.markov;

/**
 * Exact solve of (I − Q)B = R by dense LU decomposition with partial pivoting (Golub &amp; Van Loan, <i>Matrix
 * Computations</i>, alg. 3.4.1). O(n³): meant for groups up to a few hundred states.
 */
public final class DenseLuSolver implements AbsorptionSolver {
  @Override
  public Absorption solve(AbsorbingChain chain) {
    chain.checkAbsorbing();
    int n = chain.size();
    double[] a = new double[n * n];
    for (int i = 0; i < n; i++) {
      a[i * n + i] = 1.0;
      for (int k = chain.rowPtr()[i]; k < chain.rowPtr()[i + 1]; k++) {
        a[i * n + chain.col()[k]] -= chain.val()[k];
      }
    }
    double[] bs = chain.toSuccess().clone();
    double[] bf = chain.toFailure().clone();
    for (int c = 0; c < n; c++) {
      int p = c;
      double best = Math.abs(a[c * n + c]);
      for (int r = c + 1; r < n; r++) {
        double v = Math.abs(a[r * n + c]);
        if (v > best) {
          best = v;
          p = r;
        }
      }
      if (best < 1e-300) {
        throw new IllegalStateException("I - Q is singular at column " + c + " although the chain is absorbing");
      }
      if (p != c) {
        swapRows(a, n, p, c);
        swap(bs, p, c);
        swap(bf, p, c);
      }
      double pivot = a[c * n + c];
      for (int r = c + 1; r < n; r++) {
        double f = a[r * n + c] / pivot;
        if (f == 0) {
          continue;
        }
        a[r * n + c] = 0;
        for (int k = c + 1; k < n; k++) {
          a[r * n + k] -= f * a[c * n + k];
        }
        bs[r] -= f * bs[c];
        bf[r] -= f * bf[c];
      }
    }
    for (int r = n - 1; r >= 0; r--) {
      double ss = bs[r];
      double sf = bf[r];
      for (int k = r + 1; k < n; k++) {
        ss -= a[r * n + k] * bs[k];
        sf -= a[r * n + k] * bf[k];
      }
      bs[r] = ss / a[r * n + r];
      bf[r] = sf / a[r * n + r];
    }
    return new Absorption(bs, bf);
  }

  private static void swapRows(double[] a, int n, int i, int j) {
    for (int k = 0; k < n; k++) {
      double t = a[i * n + k];
      a[i * n + k] = a[j * n + k];
      a[j * n + k] = t;
    }
  }

  private static void swap(double[] v, int i, int j) {
    double t = v[i];
    v[i] = v[j];
    v[j] = t;
  }
}
