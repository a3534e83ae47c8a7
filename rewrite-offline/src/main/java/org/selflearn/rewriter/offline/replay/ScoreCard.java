package org.selflearn.rewriter.offline.replay;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.selflearn.rewriter.common.event.RewriteSource;
import org.selflearn.rewriter.common.stats.Percentile;

/** Scores one strategy's decisions on the replayed turns and renders the report keys of log-format.md. */
public final class ScoreCard {
  private long turns;
  private long defectsBefore;
  private long triggered;
  private long wins;
  private long losses;
  private long neutral;
  private long repaired;
  private long broken;
  private final Map<String, long[]> bySource = new LinkedHashMap<>(); // triggered, wins, losses
  private final long[] micros;

  public ScoreCard(List<ReplayTurn> replayed, List<Decision> decisions) {
    micros = new long[decisions.size()];
    for (RewriteSource s : RewriteSource.values()) {
      bySource.put(s.name(), new long[3]);
    }
    for (int i = 0; i < replayed.size(); i++) {
      ReplayTurn t = replayed.get(i);
      Decision d = decisions.get(i);
      micros[i] = d.micros();
      turns++;
      defectsBefore += t.defect() ? 1 : 0;
      Outcome o = Outcome.of(t, d.rewrite());
      if (o == Outcome.NONE) {
        continue;
      }
      triggered++;
      long[] src = bySource.computeIfAbsent(d.source() == null ? "OTHER" : d.source(), k -> new long[3]);
      src[0]++;
      switch (o) {
        case WIN -> {
          wins++;
          src[1]++;
          repaired += t.defect() ? 1 : 0;
        }
        case LOSS -> {
          losses++;
          src[2]++;
          broken += t.defect() ? 0 : 1;
        }
        default -> neutral++;
      }
    }
  }

  public long wins() {
    return wins;
  }

  public long losses() {
    return losses;
  }

  /** The report keys of log-format.md, in order. */
  public Map<String, Object> toReport() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("turns", turns);
    m.put("defectsBefore", defectsBefore);
    m.put("triggered", triggered);
    m.put("wins", wins);
    m.put("losses", losses);
    m.put("neutral", neutral);
    m.put("winLossRatio", losses == 0 ? (double) wins : round((double) wins / losses));
    if (losses == 0) {
      m.put("note", "no losses: winLossRatio reports the number of wins");
    }
    double before = turns == 0 ? 0 : (double) defectsBefore / turns;
    double after = turns == 0 ? 0 : (double) (defectsBefore - repaired + broken) / turns;
    m.put("defectRateBefore", round(before));
    m.put("defectRateAfter", round(after));
    m.put("defectReduction", before == 0 ? 0.0 : round((before - after) / before));
    m.put("coverage", turns == 0 ? 0.0 : round((double) triggered / turns));
    Map<String, Object> sources = new LinkedHashMap<>();
    bySource.forEach((k, v) -> sources.put(k, Map.of("triggered", v[0], "wins", v[1], "losses", v[2])));
    m.put("bySource", sources);
    m.put("latencyMicros", latency());
    return m;
  }

  private Map<String, Object> latency() {
    long[] sorted = micros.clone();
    Arrays.sort(sorted);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("p50", Percentile.nearestRank(sorted, 0.50));
    m.put("p99", Percentile.nearestRank(sorted, 0.99));
    m.put("max", sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
    return m;
  }

  private static double round(double d) {
    return Math.round(d * 10_000) / 10_000.0;
  }
}
