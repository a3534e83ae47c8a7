package org.selflearn.rewriter.offline.replay;

/** Something replay can score: our rewriter or a baseline. Implementations are thread-safe. */
public interface RewriteStrategy {
  /** A name for the report. */
  String name();

  /** Decides one turn (the decision's micros are filled in by the replayer). */
  Decision decide(ReplayTurn turn);
}
