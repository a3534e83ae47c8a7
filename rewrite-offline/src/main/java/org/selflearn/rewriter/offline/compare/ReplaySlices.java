package org.selflearn.rewriter.offline.compare;

import static org.selflearn.rewriter.offline.compare.Tallies.CANDIDATE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.selflearn.rewriter.offline.replay.Decision;
import org.selflearn.rewriter.offline.replay.Outcome;
import org.selflearn.rewriter.offline.replay.ReplayTurn;

/**
 * The slices of one model's replay, for {@code replay}'s report: the model's figures with 95% intervals (bootstrap
 * over customers, as in {@link Comparison}) overall and per slice, and the worst slice (the lowest defect reduction
 * among slices of at least {@value Report#WORST_SLICE_MIN_TURNS} turns) named first. Computed as a comparison
 * against no rewrite, keeping the model's side only.
 */
public final class ReplaySlices {
  private ReplaySlices() {}

  /** {@code {worstSlice, overall, slices, bootstrap}} for the model's {@code decisions} on {@code turns}. */
  public static Map<String, Object> of(List<ReplayTurn> turns, List<Decision> decisions, Bootstrap bootstrap) {
    List<Decision> none = new ArrayList<>(turns.size());
    for (ReplayTurn t : turns) {
      none.add(new Decision(t.event().eventId(), null, null, null, 0));
    }
    Slices slices = Slices.of(turns);
    Tallies tallies = Tallies.of(turns, none, decisions, slices, Outcome::of);
    Report report = new Report(tallies, bootstrap.run(tallies), slices);
    Map<String, Object> out = new LinkedHashMap<>();
    int worst = report.worst(Figures.of(CANDIDATE, Figures.DEFECT_REDUCTION));
    out.put("worstSlice", worst < 0 ? null : slice(report, slices, worst));
    out.put("overall", report.model(0, CANDIDATE));
    Map<String, Object> bySlice = new LinkedHashMap<>();
    for (int g = 1; g < slices.groups(); g++) {
      String[] dv = slices.name(g).split("=", 2);
      @SuppressWarnings("unchecked")
      Map<String, Object> dim = (Map<String, Object>) bySlice.computeIfAbsent(dv[0], k -> new LinkedHashMap<>());
      dim.put(dv[1], slice(report, slices, g));
    }
    out.put("slices", bySlice);
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("unit", "customer");
    b.put("resamples", bootstrap.resamples());
    b.put("seed", bootstrap.seed());
    b.put("level", Bootstrap.LEVEL);
    out.put("bootstrap", b);
    return out;
  }

  /**
   * The slices of {@link #of} as an HTML section: a forest plot of the model's defect reduction per slice with its
   * 95% interval (self-contained inline SVG), the worst slice named above it.
   */
  public static String htmlSection(Map<String, Object> replaySlices) {
    Object worst = replaySlices.get("worstSlice") instanceof Map<?, ?> w ? w.get("slice") : "none";
    return "<h2>Slices: defect reduction with 95% intervals (bootstrap over customers)</h2><p>Worst slice: "
        + org.selflearn.rewriter.offline.io.Html.escape(String.valueOf(worst)) + "</p>"
        + CompareCharts.replayForest(replaySlices);
  }

  private static Map<String, Object> slice(Report report, Slices slices, int g) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("slice", slices.name(g));
    s.putAll(report.model(g, CANDIDATE));
    return s;
  }
}
