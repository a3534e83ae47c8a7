package org.selflearn.rewriter.offline.compare;

import static org.selflearn.rewriter.offline.compare.Tallies.BASELINE;
import static org.selflearn.rewriter.offline.compare.Tallies.CANDIDATE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.selflearn.rewriter.offline.replay.Decision;
import org.selflearn.rewriter.offline.replay.Outcome;
import org.selflearn.rewriter.offline.replay.ReplayTurn;

/**
 * Two models' decisions on the same turns, compared: the report of {@code ./rewrite compare} without the replay
 * itself (so tests can drive it with decisions made up on the spot). Scoring is {@link Outcome#of}: by {@code truth}
 * where a turn has it, else by the customer's own correction; when the logs have truth, {@code truthless} gives the
 * figures the customers' corrections alone would give on the same turns, and their gap to the truth-based ones.
 */
public final class Comparison {
  /** Rows of each "what changed" list in the report. */
  public static final int CHANGED_ROWS = 50;

  private final Bootstrap bootstrap;

  public Comparison(Bootstrap bootstrap) {
    this.bootstrap = bootstrap;
  }

  /** The report (see the package documentation and the README's "Comparing two models"). */
  public Map<String, Object> report(List<ReplayTurn> turns, List<Decision> baseline, List<Decision> candidate,
      Slices slices) {
    if (turns.isEmpty()) {
      throw new IllegalArgumentException("nothing to compare: no turns");
    }
    boolean truth = turns.stream().anyMatch(t -> t.event().truth() != null);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("turns", (long) turns.size());
    r.put("scoring", truth ? "truth" : "customer correction (the logs have no truth)");
    Figured main = figures(turns, baseline, candidate, slices, Outcome::of);
    r.put("customers", (long) main.tallies.customers());
    r.put("verdict", main.report.verdict(0).key());
    r.put("verdictRule", Verdict.RULE);
    int worst = main.report.worst(Figures.DIFFERENCE + Figures.DEFECT_REDUCTION);
    r.put("worstSlice", worst < 0 ? null : main.report.slice(worst));
    r.put("baseline", main.report.model(0, BASELINE));
    r.put("candidate", main.report.model(0, CANDIDATE));
    r.put("difference", main.report.difference(0));
    r.put("slices", main.report.slices());
    r.put("whatChanged", WhatChanged.of(turns, baseline, candidate, Outcome::of, CHANGED_ROWS));
    r.put("daily", DailyRates.of(turns, baseline, candidate, Outcome::of));
    if (truth) {
      Figured proxy = figures(turns, baseline, candidate, Slices.none(turns.size()), Outcome::byCorrection);
      r.put("truthless", TruthGap.of(main.report, proxy.report));
    }
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("unit", "customer");
    b.put("resamples", bootstrap.resamples());
    b.put("seed", bootstrap.seed());
    b.put("level", Bootstrap.LEVEL);
    b.put("method", "percentile");
    r.put("bootstrap", b);
    return r;
  }

  private Figured figures(List<ReplayTurn> turns, List<Decision> baseline, List<Decision> candidate, Slices slices,
      BiFunction<ReplayTurn, String, Outcome> scorer) {
    Tallies t = Tallies.of(turns, baseline, candidate, slices, scorer);
    return new Figured(t, new Report(t, bootstrap.run(t), slices));
  }

  private record Figured(Tallies tallies, Report report) {}
}
