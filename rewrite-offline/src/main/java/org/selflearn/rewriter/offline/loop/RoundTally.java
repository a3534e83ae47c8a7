package org.selflearn.rewriter.offline.loop;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.selflearn.rewriter.common.event.AppliedRewrite;
import org.selflearn.rewriter.common.event.InteractionEvent;
import org.selflearn.rewriter.common.event.RewriteSource;
import org.selflearn.rewriter.common.text.TextNormalizer;
import org.selflearn.rewriter.offline.replay.Outcome;
import org.selflearn.rewriter.offline.replay.ReplayTurn;
import org.selflearn.rewriter.simulator.LogSimulator.SimulatedTurn;

/**
 * The figures of one round, turn by turn: the defect rate from the simulator's own knowledge of which turns served
 * the customer, and every executed rewrite scored with {@code truth} as replay scores it ({@link Outcome#of}: into the
 * intended request or an equivalent is a win, anything else a loss), in total and per source.
 */
public final class RoundTally implements Consumer<SimulatedTurn> {
  private final int round;
  private final HarmfulRewrite harmful;
  private long turns;
  private long defects;
  private final long[] rewrites = new long[RewriteSource.values().length];
  private final long[] wins = new long[RewriteSource.values().length];
  private final long[] losses = new long[RewriteSource.values().length];
  private long harmfulRewrites;
  private long harmfulLosses;

  /**
   * @param round the round
   * @param harmful an injected wrong entry whose rewrites are counted apart (in any round), or null
   */
  public RoundTally(int round, HarmfulRewrite harmful) {
    this.round = round;
    this.harmful = harmful;
  }

  @Override
  public void accept(SimulatedTurn t) {
    InteractionEvent e = t.event();
    turns++;
    defects += t.defect() ? 1 : 0;
    AppliedRewrite r = e.rewrite();
    if (r == null) {
      return;
    }
    String heard = TextNormalizer.normalize(e.utterance());
    Outcome o = Outcome.of(new ReplayTurn(e, heard, null, t.defect(), null), r.to());
    int s = r.source().ordinal();
    rewrites[s]++;
    wins[s] += o == Outcome.WIN ? 1 : 0;
    losses[s] += o == Outcome.LOSS ? 1 : 0;
    if (harmful != null && heard.equals(harmful.source())
        && TextNormalizer.normalize(r.to()).equals(harmful.target())) {
      harmfulRewrites++;
      harmfulLosses += o == Outcome.LOSS ? 1 : 0;
    }
  }

  public long turns() {
    return turns;
  }

  public double defectRate() {
    return turns == 0 ? 0 : (double) defects / turns;
  }

  public long rewrites() {
    return sum(rewrites);
  }

  public long wins() {
    return sum(wins);
  }

  public long losses() {
    return sum(losses);
  }

  public long harmfulRewrites() {
    return harmfulRewrites;
  }

  public long harmfulLosses() {
    return harmfulLosses;
  }

  /** The round as an ordered map (the JSON report's per-round object), with the table size and timings given. */
  public Map<String, Object> toMap(long tableSize, Map<String, Object> extra) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("round", round);
    m.put("turns", turns);
    m.put("defects", defects);
    m.put("defectRate", round4(defectRate()));
    m.put("rewrites", rewrites());
    m.put("wins", wins());
    m.put("losses", losses());
    m.put("winLossRatio", losses() == 0 ? (double) wins() : round4((double) wins() / losses()));
    m.put("tableSize", tableSize);
    Map<String, Object> bySource = new LinkedHashMap<>();
    for (RewriteSource s : RewriteSource.values()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("rewrites", rewrites[s.ordinal()]);
      x.put("wins", wins[s.ordinal()]);
      x.put("losses", losses[s.ordinal()]);
      bySource.put(s.name(), x);
    }
    m.put("bySource", bySource);
    if (harmful != null) {
      Map<String, Object> h = new LinkedHashMap<>();
      h.put("source", harmful.source());
      h.put("target", harmful.target());
      h.put("injectedThisRound", harmful.round() == round);
      h.put("rewrites", harmfulRewrites);
      h.put("losses", harmfulLosses);
      m.put("harmful", h);
    }
    m.putAll(extra);
    return m;
  }

  private static long sum(long[] a) {
    long s = 0;
    for (long x : a) {
      s += x;
    }
    return s;
  }

  static double round4(double d) {
    return Math.round(d * 10_000) / 10_000.0;
  }
}
