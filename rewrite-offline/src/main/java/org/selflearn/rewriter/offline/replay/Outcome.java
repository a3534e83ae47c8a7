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

  /** Scores a rewrite of a turn: by its truth when the log has one, else by the customer's own correction. */
  public static Outcome of(ReplayTurn turn, String rewrite) {
    Truth truth = turn.event().truth();
    if (truth == null) {
      return byCorrection(turn, rewrite);
    }
    String r = normalizedRewrite(turn, rewrite);
    if (r == null) {
      return NONE;
    }
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

  /**
   * Scores a rewrite by the customer's own correction alone, never reading {@code truth} (log-format.md, "without
   * truth"): a rewrite equal to the rephrase that later succeeded in the same chain is a win; a rewrite of a turn that
   * succeeded, or into anything else, is a loss; a rewrite of a defect that no successful rephrase followed is neutral.
   */
  public static Outcome byCorrection(ReplayTurn turn, String rewrite) {
    String r = normalizedRewrite(turn, rewrite);
    if (r == null) {
      return NONE;
    }
    if (!turn.defect()) {
      return LOSS;
    }
    if (turn.successfulRephrase() == null) {
      return NEUTRAL;
    }
    return r.equals(turn.successfulRephrase()) ? WIN : LOSS;
  }

  private static String normalizedRewrite(ReplayTurn turn, String rewrite) {
    if (rewrite == null) {
      return null;
    }
    String r = TextNormalizer.normalize(rewrite);
    return r.isEmpty() || r.equals(turn.heard()) ? null : r;
  }
}
