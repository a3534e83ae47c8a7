package org.selflearn.rewriter.markov;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Picks at most one rewrite per source state.
 *
 * <p>For a source s, every later state t of a chain that started at s is a candidate. The target is the candidate
 * with the highest success probability, estimated conservatively as the smaller of two Wilson lower bounds at a fixed
 * reference confidence ({@value #RANKING_CONFIDENCE}): t's absorption probability into SUCCESS (over t's turns), and
 * the share of the s→t chains that ended in success at t. Only that target faces the gates, in order:
 * {@code min-support} (chains with the pair), {@code min-customers} (distinct customers) and {@code min-gain} (the
 * expected gain of rewriting every occurrence of s: the same bound at the configured confidence times the share of
 * s's turns that did not succeed as said, minus s's own direct success rate, see {@link RewriteDecision#gain()}). Because the choice of target does not
 * depend on the gates, raising any threshold can only remove pairs, never add one (tested). A pair whose applied rewrites ({@code s => t} states) are seen failing more
 * often than s itself is {@code demoted-by-feedback}; a pair that our rewriter applied and that kept succeeding is
 * kept on that evidence ({@code kept-by-feedback}) even when its rephrases have dried up because the rewrite now
 * prevents them. Raising any threshold never adds a pair (tested).
 */
public final class RewriteSelectionPolicy {
  /** Confidence of the bound that orders candidates; fixed, so that the gates never change which target is chosen. */
  public static final double RANKING_CONFIDENCE = 0.9;
  private final SelectionGates gates;

  public RewriteSelectionPolicy(SelectionGates gates) {
    this.gates = gates;
  }

  /**
   * Decides every source that has at least one candidate.
   *
   * @param states direct outcomes by state name
   * @param pairs ordered pairs within chains
   * @param absorption SUCCESS absorption probability by state name
   * @return one decision per candidate pair considered (kept ones have {@code kept == true}), sources in input order
   */
  public List<RewriteDecision> select(Map<String, StateStats> states, List<PairStats> pairs,
      ToDoubleFunction<String> absorption) {
    Map<String, List<PairStats>> bySource = new LinkedHashMap<>();
    for (PairStats p : pairs) {
      if (!StateNames.isRewritten(p.source()) && !StateNames.isRewritten(p.target())
          && !p.source().equals(p.target())) {
        bySource.computeIfAbsent(p.source(), k -> new ArrayList<>()).add(p);
      }
    }
    Map<String, List<StateStats>> appliedBySource = new LinkedHashMap<>();
    for (StateStats s : states.values()) {
      if (StateNames.isRewritten(s.state())) {
        appliedBySource.computeIfAbsent(StateNames.heard(s.state()), k -> new ArrayList<>()).add(s);
      }
    }
    List<RewriteDecision> out = new ArrayList<>();
    for (Map.Entry<String, List<PairStats>> e : bySource.entrySet()) {
      decideSource(e.getKey(), e.getValue(), states, absorption, appliedBySource, out);
    }
    for (Map.Entry<String, List<StateStats>> e : appliedBySource.entrySet()) {
      if (!bySource.containsKey(e.getKey())) {
        decideSource(e.getKey(), List.of(), states, absorption, appliedBySource, out);
      }
    }
    return out;
  }

  private void decideSource(String source, List<PairStats> candidates, Map<String, StateStats> states,
      ToDoubleFunction<String> absorption, Map<String, List<StateStats>> appliedBySource,
      List<RewriteDecision> out) {
    StateStats own = states.getOrDefault(source, new StateStats(source, 0, 0, 0));
    double sourceSuccess = own.successMean();
    List<RewriteDecision> scored = new ArrayList<>();
    Map<String, Double> ranks = new java.util.HashMap<>();
    for (PairStats p : candidates) {
      StateStats target = states.getOrDefault(p.target(), new StateStats(p.target(), 0, 0, 0));
      double q = absorption.applyAsDouble(p.target());
      double pairRate = (double) p.targetSuccesses() / Math.max(1, p.chains());
      double rank = Math.min(Bounds.wilsonLower(q, target.turns(), RANKING_CONFIDENCE),
          Bounds.wilsonLower(pairRate, p.chains(), RANKING_CONFIDENCE));
      double bound = Math.min(Bounds.wilsonLower(q, target.turns(), gates.confidence()),
          Bounds.wilsonLower(pairRate, p.chains(), gates.confidence()));
      scored.add(new RewriteDecision(source, p.target(), false, "", p.chains(), p.customers(), sourceSuccess, q,
          bound));
      ranks.put(p.target(), rank);
    }
    List<StateStats> applied = appliedBySource.getOrDefault(source, List.of());
    scored.sort(Comparator.comparingDouble((RewriteDecision d) -> ranks.get(d.target())).reversed()
        .thenComparing(Comparator.comparingLong(RewriteDecision::support).reversed())
        .thenComparing(RewriteDecision::target));
    boolean chosen = false;
    boolean first = true;
    for (RewriteDecision d : scored) {
      String reason = first ? gateFailure(d) : "not-best";
      if (reason == null && demotedByFeedback(source, d.target(), sourceSuccess, applied)) {
        reason = "demoted-by-feedback";
      }
      first = false;
      boolean keep = reason == null;
      chosen |= keep;
      out.add(new RewriteDecision(source, d.target(), keep, keep ? "kept" : reason, d.support(), d.customers(),
          d.sourceSuccess(), d.targetSuccess(), d.bound()));
    }
    if (!chosen) {
      keptByFeedback(source, sourceSuccess, applied, scored, out);
    }
  }

  private String gateFailure(RewriteDecision d) {
    if (d.support() < gates.minSupport()) {
      return "min-support";
    }
    if (d.customers() < gates.minCustomers()) {
      return "min-customers";
    }
    if (d.gain() < gates.minGain()) {
      return "min-gain";
    }
    return null;
  }

  private boolean demotedByFeedback(String source, String target, double sourceSuccess, List<StateStats> applied) {
    for (StateStats a : applied) {
      if (StateNames.executed(a.state()).equals(target) && a.turns() >= gates.minSupport()) {
        double upper = Bounds.wilsonUpper((double) a.successes() / a.turns(), a.turns(), gates.confidence());
        if (upper < sourceSuccess + gates.minGain()) {
          return true;
        }
      }
    }
    return false;
  }

  private void keptByFeedback(String source, double sourceSuccess, List<StateStats> applied,
      List<RewriteDecision> scored, List<RewriteDecision> out) {
    StateStats best = null;
    double bestBound = -1;
    for (StateStats a : applied) {
      double bound = Bounds.wilsonLower((double) a.successes() / Math.max(1, a.turns()), a.turns(),
          gates.confidence());
      if (a.turns() >= gates.minSupport() && a.customers() >= gates.minCustomers()
          && bound * (1 - sourceSuccess) - sourceSuccess >= gates.minGain() && bound > bestBound) {
        best = a;
        bestBound = bound;
      }
    }
    if (best != null) {
      out.add(new RewriteDecision(source, StateNames.executed(best.state()), true, "kept-by-feedback", best.turns(),
          best.customers(), sourceSuccess, (double) best.successes() / best.turns(), bestBound));
    }
  }
}
