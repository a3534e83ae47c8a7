package org.selflearn.rewriter.markov;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Picks at most one rewrite per source state.
 *
 * <p>For a source s, every later state t of a chain through s that ended in SUCCESS at t is a candidate. Its score is
 * the probability that a turn of s ends in SUCCESS at t — the chains through s that ended at t over the turns of s —
 * which is the absorption probability of s into "SUCCESS at t" estimated from the chains themselves; the candidate
 * with the highest score is the target (ties: more distinct customers, then name). Only that target faces the gates,
 * in order: {@code min-support} (chains with the pair), {@code min-customers} (distinct customers whose chains ended at
 * the target: the privacy gate), {@code min-gain} (the score's lower confidence bound minus the share of s's turns
 * that succeeded as said, see {@link RewriteDecision#gain()}) and {@code ambiguous} (the target's share of the
 * customers whose chains from s ended in a success is below {@code min-dominance}: s means different things to
 * different customers, and a short form like that belongs to the personal layer). The dominance share counts
 * distinct customers while their count is exact (below {@code sketchCap}); past it, chains. No similarity between s
 * and t is required: recurrence across customers is the evidence. Targets that are the same request in other words
 * (the {@code requestOf} function maps both to one key, e.g. their NLU interpretation) pool their evidence: customers
 * who fixed s with "what is the weather in x" and with "whats the weather in x" agree; the member with the most
 * successful chains is the target.
 *
 * <p>Because the choice of target does not depend on the gates, raising any threshold can only remove pairs, never
 * add one (tested). A pair whose applied rewrites ({@code s => t} states) are seen failing more often than s itself is
 * {@code demoted-by-feedback}; a pair that our rewriter applied to most of the source's turns and that kept
 * succeeding is kept on that evidence ({@code kept-by-feedback}) even when its rephrases have dried up because the
 * rewrite now prevents them.
 */
public final class RewriteSelectionPolicy {
  private final SelectionGates gates;
  private final long sketchCap;
  private final java.util.function.UnaryOperator<String> requestOf;

  /**
   * @param gates the gates
   * @param sketchCap distinct-customer counts at or above this are saturated (approximate)
   * @param requestOf maps a target to the request it means (targets with one key pool their evidence)
   */
  public RewriteSelectionPolicy(SelectionGates gates, long sketchCap,
      java.util.function.UnaryOperator<String> requestOf) {
    this.gates = gates;
    this.sketchCap = sketchCap;
    this.requestOf = requestOf;
  }

  /** A policy whose targets are each their own request. */
  public RewriteSelectionPolicy(SelectionGates gates, long sketchCap) {
    this(gates, sketchCap, t -> t);
  }

  /** A policy whose customer counts are exact. */
  public RewriteSelectionPolicy(SelectionGates gates) {
    this(gates, Long.MAX_VALUE);
  }

  /**
   * Decides every source that has at least one candidate, with the rephrase outcomes summed from the pairs (an
   * upper bound of the distinct customers).
   */
  public List<RewriteDecision> select(Map<String, StateStats> states, List<PairStats> pairs,
      ToDoubleFunction<String> absorption) {
    Map<String, RephraseOutcomes> outcomes = new HashMap<>();
    for (PairStats p : pairs) {
      if (!p.source().equals(p.target())) {
        outcomes.merge(p.source(), new RephraseOutcomes(p.source(), p.chains(), p.targetSuccesses(),
            p.successCustomers()), (a, b) -> new RephraseOutcomes(a.source(), a.chains() + b.chains(),
            a.successes() + b.successes(), a.successCustomers() + b.successCustomers()));
      }
    }
    return select(states, pairs, outcomes, absorption);
  }

  /**
   * Decides every source that has at least one candidate.
   *
   * @param states direct outcomes by state name
   * @param pairs ordered pairs within chains
   * @param outcomes what followed each source in its chains (the dominance denominator)
   * @param absorption SUCCESS absorption probability by state name (reported, and used to order ties)
   * @return one decision per candidate pair considered (kept ones have {@code kept == true}), sources in input order
   */
  public List<RewriteDecision> select(Map<String, StateStats> states, List<PairStats> pairs,
      Map<String, RephraseOutcomes> outcomes, ToDoubleFunction<String> absorption) {
    Map<String, List<PairStats>> bySource = new LinkedHashMap<>();
    for (PairStats p : pairs) {
      if (!StateNames.isRewritten(p.source()) && !StateNames.isRewritten(p.target())
          && !p.source().equals(p.target()) && p.targetSuccesses() > 0) {
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
      decideSource(e.getKey(), e.getValue(), states, outcomes.get(e.getKey()), absorption, appliedBySource, out);
    }
    for (Map.Entry<String, List<StateStats>> e : appliedBySource.entrySet()) {
      if (!bySource.containsKey(e.getKey())) {
        decideSource(e.getKey(), List.of(), states, null, absorption, appliedBySource, out);
      }
    }
    return out;
  }

  private void decideSource(String source, List<PairStats> candidates, Map<String, StateStats> states,
      RephraseOutcomes followed, ToDoubleFunction<String> absorption, Map<String, List<StateStats>> appliedBySource,
      List<RewriteDecision> out) {
    StateStats own = states.getOrDefault(source, new StateStats(source, 0, 0, 0));
    double sourceSuccess = own.turns() == 0 ? 0 : (double) own.successes() / own.turns();
    Map<String, long[]> pooled = new HashMap<>(); // request key → successes, success customers
    for (PairStats p : candidates) {
      long[] v = pooled.computeIfAbsent(requestOf.apply(p.target()), k -> new long[2]);
      v[0] += p.targetSuccesses();
      v[1] += p.successCustomers();
    }
    List<RewriteDecision> scored = new ArrayList<>();
    Map<String, Long> memberSuccesses = new HashMap<>();
    for (PairStats p : candidates) {
      long[] v = pooled.get(requestOf.apply(p.target()));
      long turns = Math.max(own.turns(), v[0]);
      double score = (double) v[0] / turns;
      double bound = Bounds.wilsonLower(score, turns, gates.confidence());
      scored.add(new RewriteDecision(source, p.target(), false, "", p.chains(), v[1], sourceSuccess,
          score, bound, dominance(v[0], v[1], followed)));
      memberSuccesses.put(p.target(), p.targetSuccesses());
    }
    List<StateStats> applied = appliedBySource.getOrDefault(source, List.of());
    scored.sort(Comparator.comparingDouble(RewriteDecision::targetSuccess).reversed()
        .thenComparing(Comparator.comparingLong(RewriteDecision::customers).reversed())
        .thenComparing(Comparator.comparingLong((RewriteDecision d) -> memberSuccesses.get(d.target())).reversed())
        .thenComparing(Comparator.comparingDouble((RewriteDecision d) -> absorption.applyAsDouble(d.target()))
            .reversed())
        .thenComparing(RewriteDecision::target));
    boolean chosen = false;
    boolean first = true;
    for (RewriteDecision d : scored) {
      String reason = first ? gateFailure(d) : "not-best";
      if (reason == null && demotedByFeedback(d.target(), sourceSuccess, applied)) {
        reason = "demoted-by-feedback";
      }
      first = false;
      boolean keep = reason == null;
      chosen |= keep;
      out.add(new RewriteDecision(source, d.target(), keep, keep ? "kept" : reason, d.support(), d.customers(),
          d.sourceSuccess(), d.targetSuccess(), d.bound(), d.dominance()));
    }
    if (!chosen) {
      keptByFeedback(source, sourceSuccess, own.turns(), applied, out);
    }
  }

  /**
   * The target's share of the customers whose chains from the source ended in a success elsewhere; by chains when
   * the customer count is saturated.
   */
  private double dominance(long successes, long successCustomers, RephraseOutcomes followed) {
    if (followed == null || followed.successes() == 0) {
      return 1.0;
    }
    if (followed.successCustomers() > 0 && followed.successCustomers() < sketchCap) {
      return Math.min(1.0, (double) successCustomers / followed.successCustomers());
    }
    return Math.min(1.0, (double) successes / followed.successes());
  }

  private String gateFailure(RewriteDecision d) {
    if (d.support() < gates.minSupport()) {
      return "min-support";
    }
    if (d.customers() < gates.minCustomers()) {
      return "min-customers";
    }
    if (d.gain() < gates.minGain() || d.gain() <= 0) {
      return "min-gain";
    }
    if (d.dominance() < gates.minDominance()) {
      return "ambiguous";
    }
    return null;
  }

  private boolean demotedByFeedback(String target, double sourceSuccess, List<StateStats> applied) {
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

  /**
   * Keeps an applied rewrite that keeps succeeding — only when it was applied to the dominant share of the source's
   * turns ({@code min-dominance}): a rewrite the personal layer applied for a few customers says nothing about what
   * everybody else means by the source, and must not become everyone's rewrite.
   */
  private void keptByFeedback(String source, double sourceSuccess, long plainTurns, List<StateStats> applied,
      List<RewriteDecision> out) {
    StateStats best = null;
    double bestBound = -1;
    for (StateStats a : applied) {
      double bound = Bounds.wilsonLower((double) a.successes() / Math.max(1, a.turns()), a.turns(),
          gates.confidence());
      boolean dominant = a.turns() >= gates.minDominance() * (a.turns() + plainTurns);
      if (a.turns() >= gates.minSupport() && a.customers() >= gates.minCustomers() && dominant
          && bound - sourceSuccess >= Math.max(gates.minGain(), Double.MIN_VALUE) && bound > bestBound) {
        best = a;
        bestBound = bound;
      }
    }
    if (best != null) {
      out.add(new RewriteDecision(source, StateNames.executed(best.state()), true, "kept-by-feedback", best.turns(),
          best.customers(), sourceSuccess, (double) best.successes() / best.turns(), bestBound, 1.0));
    }
  }
}
