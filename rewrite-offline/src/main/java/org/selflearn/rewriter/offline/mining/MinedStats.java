package org.selflearn.rewriter.offline.mining;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.selflearn.rewriter.markov.PairStats;
import org.selflearn.rewriter.markov.RephraseOutcomes;
import org.selflearn.rewriter.markov.StateStats;

/**
 * The mined statistics as the solver and the index builder read them (counts only; customer sets reduced to their
 * saturating counts).
 *
 * @param states per state: turns, successes, chains that ended in failure there, customers, success customers
 * @param transitions adjacent rephrase transitions
 * @param pairs ordered pairs within chains
 * @param rephrased what followed each source in its chains
 */
public record MinedStats(Map<String, StateRow> states, List<TransitionRow> transitions, List<PairStats> pairs,
    Map<String, RephraseOutcomes> rephrased) {

  /** Statistics of one state. */
  public record StateRow(String state, long turns, long successes, long endFailures, int customers,
      int successCustomers) {
    public StateStats toStateStats() {
      return new StateStats(state, turns, successes, customers);
    }
  }

  /** Adjacent transitions between two states. */
  public record TransitionRow(String from, String to, long count, int customers) {}

  /** Builds the read model from raw keyed statistics. */
  public static MinedStats of(Map<String, StatValue> raw) {
    Map<String, StateRow> states = new HashMap<>();
    List<TransitionRow> transitions = new ArrayList<>();
    List<PairStats> pairs = new ArrayList<>();
    Map<String, RephraseOutcomes> rephrased = new HashMap<>();
    for (Map.Entry<String, StatValue> e : raw.entrySet()) {
      add(e.getKey(), e.getValue().count(), e.getValue().successes(), e.getValue().endFailures(),
          e.getValue().customers().count(), e.getValue().successCustomers().count(), states, transitions, pairs,
          rephrased);
    }
    return new MinedStats(states, transitions, pairs, rephrased);
  }

  static void add(String key, long count, long successes, long endFailures, int customers, int successCustomers,
      Map<String, StateRow> states, List<TransitionRow> transitions, List<PairStats> pairs,
      Map<String, RephraseOutcomes> rephrased) {
    String[] p = StatKey.parts(key);
    switch (StatKey.kind(key)) {
      case StatKey.STATE -> states.put(p[0], new StateRow(p[0], count, successes, endFailures, customers,
          successCustomers));
      case StatKey.TRANSITION -> transitions.add(new TransitionRow(p[0], p[1], count, customers));
      case StatKey.PAIR -> pairs.add(new PairStats(p[0], p[1], count, customers, successes, successCustomers));
      case StatKey.REPHRASED -> rephrased.put(p[0], new RephraseOutcomes(p[0], count, successes, successCustomers));
      case StatKey.VOTE -> throw new IllegalArgumentException("a bounded vote is not a statistic (mined with"
          + " privacy.epsilon > 0): only a model build releases votes, through train.PrivateRelease; build or"
          + " publish with the privacy.epsilon the votes were mined with");
      default -> throw new IllegalArgumentException("unknown statistic kind in key: " + key.charAt(0));
    }
  }

  /** Direct outcomes of every state, as the selection policy reads them. */
  public Map<String, StateStats> stateStats() {
    Map<String, StateStats> out = new HashMap<>(states.size() * 2);
    states.forEach((k, v) -> out.put(k, v.toStateStats()));
    return out;
  }
}
