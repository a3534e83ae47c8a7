package org.selflearn.rewriter.offline.compare;

import static org.selflearn.rewriter.offline.compare.Tallies.BASELINE;
import static org.selflearn.rewriter.offline.compare.Tallies.CANDIDATE;
import static org.selflearn.rewriter.offline.compare.Tallies.WIDTH;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders the figures of a group with their intervals as report maps: one model's block, the paired difference's
 * block, the slices and the worst slice. Every interval is {@code {estimate, low, high}}.
 */
final class Report {
  /** A slice needs at least this many turns and one defect to be named the worst (smaller ones are too noisy). */
  static final int WORST_SLICE_MIN_TURNS = 100;

  private final Tallies tallies;
  private final Bootstrap.Intervals iv;
  private final Slices slices;

  Report(Tallies tallies, Bootstrap.Intervals iv, Slices slices) {
    this.tallies = tallies;
    this.iv = iv;
    this.slices = slices;
  }

  Map<String, Object> model(int group, int m) {
    long[] t = tallies.total();
    int b = group * WIDTH;
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("turns", t[b + Tallies.TURNS]);
    r.put("defectsBefore", t[b + Tallies.DEFECTS]);
    r.put("triggered", t[b + Tallies.model(m, Tallies.TRIGGERED)]);
    r.put("wins", t[b + Tallies.model(m, Tallies.WINS)]);
    r.put("losses", t[b + Tallies.model(m, Tallies.LOSSES)]);
    r.put("neutral", t[b + Tallies.model(m, Tallies.NEUTRAL)]);
    r.put("unjudgedShare", interval(group, Figures.of(m, Figures.UNJUDGED)));
    r.put("defectRateBefore", round(iv.estimate(group, Figures.DEFECT_RATE_BEFORE)));
    r.put("defectRateAfter", interval(group, Figures.of(m, Figures.DEFECT_RATE_AFTER)));
    r.put("defectReduction", interval(group, Figures.of(m, Figures.DEFECT_REDUCTION)));
    r.put("winLossRatio", interval(group, Figures.of(m, Figures.WIN_LOSS)));
    Map<String, Object> by = new LinkedHashMap<>();
    for (int s = 0; s < Figures.SERVING_SOURCES; s++) {
      Map<String, Object> src = new LinkedHashMap<>();
      src.put("wins", t[b + Tallies.source(m, s, false)]);
      src.put("losses", t[b + Tallies.source(m, s, true)]);
      src.put("winLossRatio", interval(group, Figures.SOURCE + 3 * s + m));
      by.put(Tallies.SOURCES.get(s), src);
    }
    r.put("bySource", by);
    return r;
  }

  Map<String, Object> difference(int group) {
    long[] t = tallies.total();
    int b = group * WIDTH;
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("defectRateAfter", interval(group, Figures.DIFFERENCE + Figures.DEFECT_RATE_AFTER));
    r.put("defectReduction", interval(group, Figures.DIFFERENCE + Figures.DEFECT_REDUCTION));
    r.put("winLossRatio", interval(group, Figures.DIFFERENCE + Figures.WIN_LOSS));
    r.put("wins", t[b + Tallies.model(CANDIDATE, Tallies.WINS)] - t[b + Tallies.model(BASELINE, Tallies.WINS)]);
    r.put("losses", t[b + Tallies.model(CANDIDATE, Tallies.LOSSES)]
        - t[b + Tallies.model(BASELINE, Tallies.LOSSES)]);
    Map<String, Object> by = new LinkedHashMap<>();
    for (int s = 0; s < Figures.SERVING_SOURCES; s++) {
      Map<String, Object> src = new LinkedHashMap<>();
      src.put("wins", t[b + Tallies.source(CANDIDATE, s, false)] - t[b + Tallies.source(BASELINE, s, false)]);
      src.put("losses", t[b + Tallies.source(CANDIDATE, s, true)] - t[b + Tallies.source(BASELINE, s, true)]);
      src.put("winLossRatio", interval(group, Figures.SOURCE + 3 * s + 2));
      by.put(Tallies.SOURCES.get(s), src);
    }
    r.put("bySource", by);
    return r;
  }

  Verdict verdict(int group) {
    int dr = Figures.DIFFERENCE + Figures.DEFECT_REDUCTION;
    return Verdict.of(iv.low(group, dr), iv.high(group, dr), iv.high(group, Figures.DIFFERENCE + Figures.WIN_LOSS));
  }

  /** {@code dimension → value → {turns, defectRateBefore, baseline, candidate, difference, verdict}}. */
  Map<String, Object> slices() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int g = 1; g < slices.groups(); g++) {
      String[] dv = slices.name(g).split("=", 2);
      @SuppressWarnings("unchecked")
      Map<String, Object> dim = (Map<String, Object>) out.computeIfAbsent(dv[0], k -> new LinkedHashMap<>());
      dim.put(dv[1], slice(g));
    }
    return out;
  }

  Map<String, Object> slice(int g) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("slice", slices.name(g));
    s.put("turns", tallies.total()[g * WIDTH + Tallies.TURNS]);
    s.put("defectRateBefore", round(iv.estimate(g, Figures.DEFECT_RATE_BEFORE)));
    s.put("baseline", model(g, BASELINE));
    s.put("candidate", model(g, CANDIDATE));
    s.put("difference", difference(g));
    s.put("verdict", verdict(g).key());
    return s;
  }

  /**
   * The slice (of at least {@value #WORST_SLICE_MIN_TURNS} turns with a defect) with the lowest estimate of
   * {@code figure}; -1 when none qualifies.
   */
  int worst(int figure) {
    int worst = -1;
    for (int g = 1; g < slices.groups(); g++) {
      int b = g * WIDTH;
      if (tallies.total()[b + Tallies.TURNS] < WORST_SLICE_MIN_TURNS || tallies.total()[b + Tallies.DEFECTS] == 0) {
        continue;
      }
      if (worst < 0 || iv.estimate(g, figure) < iv.estimate(worst, figure)) {
        worst = g;
      }
    }
    return worst;
  }

  Map<String, Object> interval(int group, int figure) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("estimate", round(iv.estimate(group, figure)));
    m.put("low", round(iv.low(group, figure)));
    m.put("high", round(iv.high(group, figure)));
    return m;
  }

  static double round(double d) {
    return Math.round(d * 10_000) / 10_000.0;
  }
}
