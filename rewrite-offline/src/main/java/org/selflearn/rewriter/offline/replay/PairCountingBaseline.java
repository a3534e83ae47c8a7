package org.selflearn.rewriter.offline.replay;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.selflearn.rewriter.markov.PairStats;
import org.selflearn.rewriter.markov.StateNames;
import org.selflearn.rewriter.online.index.TabSeparatedMap;

/**
 * The classic query-reformulation baseline: rewrite a request into the rephrase that most often followed it and
 * succeeded, when that happened at least {@link #MIN_SUCCESSES} times for {@link #MIN_CUSTOMERS} customers (the same
 * privacy gate as ours). No Markov chain, no gain test. Stored as {@code baselines/pair-counting.tsv}.
 */
public final class PairCountingBaseline implements RewriteStrategy {
  public static final String FILE = "pair-counting.tsv";
  private static final String HEADER = "#rewriter-pair-counting\t1";
  static final int MIN_SUCCESSES = 3;
  static final int MIN_CUSTOMERS = 5;
  private final Map<String, String> rewrites;

  private PairCountingBaseline(Map<String, String> rewrites) {
    this.rewrites = rewrites;
  }

  /** Builds the table from mined pairs and writes it. */
  public static void build(List<PairStats> pairs, Path dir) {
    Map<String, PairStats> best = new HashMap<>();
    for (PairStats p : pairs) {
      if (StateNames.isRewritten(p.source()) || StateNames.isRewritten(p.target()) || p.source().equals(p.target())
          || p.targetSuccesses() < MIN_SUCCESSES || p.customers() < MIN_CUSTOMERS) {
        continue;
      }
      best.merge(p.source(), p, (a, b) -> b.targetSuccesses() > a.targetSuccesses() ? b : a);
    }
    Map<String, String> table = new HashMap<>();
    best.forEach((source, p) -> table.put(source, p.target()));
    TabSeparatedMap.write(dir.resolve(FILE), HEADER, table);
  }

  public static PairCountingBaseline load(Path dir) {
    Map<String, String> m = TabSeparatedMap.read(dir.resolve(FILE), HEADER);
    return new PairCountingBaseline(m);
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
