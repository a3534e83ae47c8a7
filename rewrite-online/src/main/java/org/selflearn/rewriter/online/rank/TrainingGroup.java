package org.selflearn.rewriter.online.rank;

/**
 * The candidates retrieved for one training example.
 *
 * @param features one feature vector per candidate
 * @param labels whether each candidate is the mined target
 * @param heldOut whether the example is used for choosing the threshold rather than fitting
 * @param source the example's request (for the report's sample of losses)
 * @param texts the candidates' texts
 */
public record TrainingGroup(double[][] features, boolean[] labels, boolean heldOut, String source, String[] texts) {
  /** Whether the example had a rewrite target at all (false: the request succeeded as said). */
  public boolean hasPositive() {
    for (boolean l : labels) {
      if (l) {
        return true;
      }
    }
    return false;
  }
}
