package org.selflearn.rewriter.offline.mining;

import java.util.List;

/**
 * A closed session after labelling.
 *
 * @param turns turns in time order
 * @param defect per turn: defect label (own defect signal or rephrased by the next turn)
 * @param rephrasedByNext per turn: the next turn rephrases it
 * @param chains index ranges [start, end] (inclusive) of the rephrase chains, covering every turn once
 */
public record MinedSession(List<Turn> turns, boolean[] defect, boolean[] rephrasedByNext, List<int[]> chains) {
  /** Whether turn i is a success. */
  public boolean success(int i) {
    return !defect[i];
  }
}
