package org.selflearn.rewriter.offline.solve;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.markov.ChainBuilder;
import org.selflearn.rewriter.markov.ChainSet;
import org.selflearn.rewriter.markov.ChainSolver;
import org.selflearn.rewriter.markov.RewriteDecision;
import org.selflearn.rewriter.markov.RewriteSelectionPolicy;
import org.selflearn.rewriter.markov.SelectionGates;
import org.selflearn.rewriter.offline.mining.CustomerSketch;
import org.selflearn.rewriter.offline.mining.MinedStats;
import org.selflearn.rewriter.online.table.TableEntry;

/** Mined statistics → absorbing chains → solved → rewrite decisions and table entries. */
public final class SolveJob {
  private final RewriterConfig config;

  public SolveJob(RewriterConfig config) {
    this.config = config;
  }

  /** The gates configured for selection. */
  public SelectionGates gates() {
    return new SelectionGates(config.get(ConfigKeys.MIN_SUPPORT), config.get(ConfigKeys.MIN_CUSTOMERS),
        config.get(ConfigKeys.MIN_GAIN), config.get(ConfigKeys.CONFIDENCE), config.get(ConfigKeys.MIN_DOMINANCE));
  }

  public SolveResult solve(MinedStats stats) {
    return solve(stats, t -> t);
  }

  /**
   * Solves and selects; {@code requestOf} maps a target state to the request it means, so that other wordings of one
   * request pool their evidence (see {@link RewriteSelectionPolicy}).
   */
  public SolveResult solve(MinedStats stats, java.util.function.UnaryOperator<String> requestOf) {
    long t0 = System.nanoTime();
    ChainBuilder builder = new ChainBuilder();
    for (MinedStats.StateRow s : stats.states().values()) {
      int id = builder.state(s.state());
      builder.addSuccess(id, s.successes());
      builder.addFailure(id, s.endFailures());
    }
    for (MinedStats.TransitionRow t : stats.transitions()) {
      builder.addTransition(builder.state(t.from()), builder.state(t.to()), t.count());
    }
    ChainSet set = builder.build(config.get(ConfigKeys.SMOOTHING));
    double[] success = new ChainSolver(config.get(ConfigKeys.EXACT_MAX_STATES), config.get(ConfigKeys.TOLERANCE),
        config.get(ConfigKeys.MAX_ITERATIONS)).successProbabilities(set);
    Map<String, Double> absorption = new HashMap<>(builder.size() * 2);
    for (int i = 0; i < builder.size(); i++) {
      absorption.put(builder.name(i), success[i]);
    }
    List<RewriteDecision> decisions = new RewriteSelectionPolicy(gates(), CustomerSketch.CAP, requestOf)
        .select(stats.stateStats(), stats.pairs(), stats.rephrased(), s -> absorption.getOrDefault(s, 0.0));
    Map<String, TableEntry> entries = new TreeMap<>();
    for (RewriteDecision d : decisions) {
      if (d.kept()) {
        entries.put(d.source(), new TableEntry(d.target(), d.bound(), d.support(), d.customers(), d.sourceSuccess(),
            d.targetSuccess()));
      }
    }
    return new SolveResult(entries, decisions, absorption, set.chains().size(), set.largestGroup(),
        (System.nanoTime() - t0) / 1e9);
  }

  /** Counts of decisions by reason, e.g. {@code {kept=120, min-customers=40}}. */
  public static Map<String, Long> reasons(List<RewriteDecision> decisions) {
    Map<String, Long> m = new TreeMap<>();
    for (RewriteDecision d : decisions) {
      m.merge(d.reason(), 1L, Long::sum);
    }
    return m;
  }

  /** Gate values for the table manifest. */
  public Map<String, Object> gateMetadata() {
    Map<String, Object> m = new LinkedHashMap<>();
    SelectionGates g = gates();
    m.put("minSupport", g.minSupport());
    m.put("minCustomers", g.minCustomers());
    m.put("minGain", g.minGain());
    m.put("confidence", g.confidence());
    m.put("minDominance", g.minDominance());
    m.put("smoothing", config.get(ConfigKeys.SMOOTHING));
    return m;
  }
}
