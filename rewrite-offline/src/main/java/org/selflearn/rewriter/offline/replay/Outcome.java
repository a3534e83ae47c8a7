package org.selflearn.rewriter.offline.replay;

import org.selflearn.rewriter.common.event.Truth;
import org.selflearn.rewriter.common.text.TextNormalizer;

/** How one decision scores (log-format.md, "Replay report"). */
public enum Outcome {
  /** No rewrite (or one that normalises to what was heard). */
  NONE,
  WIN,
  LOSS,
  /** A rewrite of a defect that no successful rephrase followed, in logs without truth: cannot be judged. */
  NEUTRAL;

  /** Scores a rewrite of a turn. */
  public static Outcome of(ReplayTurn turn, String rewrite) {
    if (rewrite == null) {
      return NONE;
    }
    String r = TextNormalizer.normalize(rewrite);
    if (r.isEmpty() || r.equals(turn.heard())) {
      return NONE;
    }
    Truth truth = turn.event().truth();
    if (truth != null) {
      if (r.equals(TextNormalizer.normalize(truth.intended()))) {
        return WIN;
      }
      for (String e : truth.equivalent()) {
        if (r.equals(TextNormalizer.normalize(e))) {
          return WIN;
        }
      }
      return LOSS;
    }
    if (!turn.defect()) {
      return LOSS;
    }
    if (turn.successfulRephrase() == null) {
      return NEUTRAL;
    }
    return r.equals(turn.successfulRephrase()) ? WIN : LOSS;
  }
}
