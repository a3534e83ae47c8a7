package org.selflearn.rewriter.offline.replay;

import java.nio.file.Path;
import java.util.Map;

/**
 * The classic query-reformulation baseline as the dev world's README defines it: rewrite a request into the most
 * frequent successful next turn after it failed, seen at least 3 times from at least 2 customers (built by
 * {@link LogBaselines}, stored as {@code baselines/pair-counting.tsv}). No Markov chain, no gain test.
 */
public final class PairCountingBaseline implements RewriteStrategy {
  private final Map<String, String> rewrites;

  private PairCountingBaseline(Map<String, String> rewrites) {
    this.rewrites = rewrites;
  }

  public static PairCountingBaseline load(Path dir) {
    return new PairCountingBaseline(LogBaselines.read(dir, LogBaselines.PAIR_FILE, LogBaselines.PAIR_HEADER));
  }

  @Override
  public String name() {
    return "pairCounting";
  }

  @Override
  public Decision decide(ReplayTurn t) {
    String r = rewrites.get(t.heard());
    return new Decision(t.event().eventId(), r, r == null ? null : "PAIR_COUNTING", null, 0);
  }
}
