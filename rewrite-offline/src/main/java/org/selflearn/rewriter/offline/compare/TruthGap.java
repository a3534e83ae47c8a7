package org.selflearn.rewriter.offline.compare;

import static org.selflearn.rewriter.offline.compare.Tallies.BASELINE;
import static org.selflearn.rewriter.offline.compare.Tallies.CANDIDATE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * On logs with truth: the figures that the customers' own corrections alone give on the same turns (with their
 * intervals and the share of rewritten turns left unjudged), and the gap to the truth-based figures, overall and per
 * serving source ({@code gap} = truth-less − truth).
 */
final class TruthGap {
  private TruthGap() {}

  static Map<String, Object> of(Report truth, Report proxy) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("baseline", model(truth.model(0, BASELINE), proxy.model(0, BASELINE)));
    out.put("candidate", model(truth.model(0, CANDIDATE), proxy.model(0, CANDIDATE)));
    out.put("difference", proxy.difference(0));
    out.put("verdict", proxy.verdict(0).key());
    return out;
  }

  private static Map<String, Object> model(Map<String, Object> truth, Map<String, Object> proxy) {
    Map<String, Object> m = new LinkedHashMap<>(proxy);
    Map<String, Object> gap = new LinkedHashMap<>();
    for (String k : List.of("defectRateAfter", "defectReduction", "winLossRatio")) {
      gap.put(k, Report.round(estimate(proxy.get(k)) - estimate(truth.get(k))));
    }
    Map<String, Object> bySource = new LinkedHashMap<>();
    Map<?, ?> ts = (Map<?, ?>) truth.get("bySource");
    Map<?, ?> ps = (Map<?, ?>) proxy.get("bySource");
    ts.forEach((source, v) -> {
      Map<?, ?> t = (Map<?, ?>) v;
      Map<?, ?> p = (Map<?, ?>) ps.get(source);
      Map<String, Object> g = new LinkedHashMap<>();
      g.put("wins", ((Number) p.get("wins")).longValue() - ((Number) t.get("wins")).longValue());
      g.put("losses", ((Number) p.get("losses")).longValue() - ((Number) t.get("losses")).longValue());
      g.put("winLossRatio", Report.round(estimate(p.get("winLossRatio")) - estimate(t.get("winLossRatio"))));
      bySource.put(String.valueOf(source), g);
    });
    gap.put("bySource", bySource);
    m.put("gapToTruth", gap);
    return m;
  }

  private static double estimate(Object interval) {
    return ((Number) ((Map<?, ?>) interval).get("estimate")).doubleValue();
  }
}
