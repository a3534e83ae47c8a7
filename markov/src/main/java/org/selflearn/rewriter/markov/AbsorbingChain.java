package org.selflearn.rewriter.markov;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One connected group of transient states with two absorbing states (SUCCESS, FAILURE). Q, the transient-to-transient
 * probabilities, is held in CSR form ({@code rowPtr}, {@code col}, {@code val}, local indices); R is the two columns
 * {@code toSuccess} and {@code toFailure}. Each row of [Q R] sums to 1 (or 0 for a state never seen leaving).
 */
public final class AbsorbingChain {
  private final int[] globalIds;
  private final int[] rowPtr;
  private final int[] col;
  private final double[] val;
  private final double[] toSuccess;
  private final double[] toFailure;
  private final IntFunction<String> names;

  AbsorbingChain(int[] globalIds, int[] rowPtr, int[] col, double[] val, double[] toSuccess, double[] toFailure,
      IntFunction<String> names) {
    this.globalIds = globalIds;
    this.rowPtr = rowPtr;
    this.col = col;
    this.val = val;
    this.toSuccess = toSuccess;
    this.toFailure = toFailure;
    this.names = names;
  }

  /** Number of transient states. */
  public int size() {
    return globalIds.length;
  }

  /** The builder's id of a local state. */
  public int globalId(int local) {
    return globalIds[local];
  }

  int[] rowPtr() {
    return rowPtr;
  }

  int[] col() {
    return col;
  }

  double[] val() {
    return val;
  }

  double[] toSuccess() {
    return toSuccess;
  }

  double[] toFailure() {
    return toFailure;
  }

  /**
   * Checks that every transient state can reach an absorbing state (otherwise I − Q is singular).
   *
   * @throws NonAbsorbingChainException naming the states that cannot
   */
  public void checkAbsorbing() {
    int n = size();
    // reverse reachability from states with a positive absorbing probability
    int[] revPtr = new int[n + 1];
    for (int k = 0; k < col.length; k++) {
      if (val[k] > 0) {
        revPtr[col[k] + 1]++;
      }
    }
    for (int i = 0; i < n; i++) {
      revPtr[i + 1] += revPtr[i];
    }
    int[] rev = new int[revPtr[n]];
    int[] fill = revPtr.clone();
    for (int i = 0; i < n; i++) {
      for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
        if (val[k] > 0) {
          rev[fill[col[k]]++] = i;
        }
      }
    }
    boolean[] reaches = new boolean[n];
    int[] stack = new int[n];
    int top = 0;
    for (int i = 0; i < n; i++) {
      if (toSuccess[i] + toFailure[i] > 0) {
        reaches[i] = true;
        stack[top++] = i;
      }
    }
    while (top > 0) {
      int j = stack[--top];
      for (int k = revPtr[j]; k < revPtr[j + 1]; k++) {
        int i = rev[k];
        if (!reaches[i]) {
          reaches[i] = true;
          stack[top++] = i;
        }
      }
    }
    List<String> stuck = new ArrayList<>();
    for (int i = 0; i < n && stuck.size() < 10; i++) {
      if (!reaches[i]) {
        stuck.add(names.apply(globalIds[i]));
      }
    }
    if (!stuck.isEmpty()) {
      throw new NonAbsorbingChainException(stuck);
    }
  }
}
