package org.selflearn.rewriter.offline.train;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.selflearn.rewriter.offline.mining.CustomerSketch;
import org.selflearn.rewriter.offline.mining.RequestVote;
import org.selflearn.rewriter.offline.mining.RequestVote.Outcome;
import org.selflearn.rewriter.offline.mining.StatKey;
import org.selflearn.rewriter.offline.mining.StatValue;

/**
 * The statistics a private model is built from, computed from released noisy counts alone (post-processing: it costs
 * no ε), in the form the solver, the index builder and the wording classes read. Every count is a number of customers
 * (one vote each), not of turns:
 * <ul>
 *   <li>STATE r: turns = customers who voted on r, successes = those whose vote was OK, endFailures = FAILED + LOST;
 *   <li>REPHRASED r: count = FIXED + LOST, successes = FIXED (the dominance denominator);
 *   <li>PAIR s→t and TRANSITION s→t: the released noisy count of the votes "s fixed with t".
 * </ul>
 * Negative noisy totals count as zero; customer sets are {@link CustomerSketch#anonymous} (no id is released).
 */
final class ReleasedStats {
  private ReleasedStats() {}

  /** The requests whose totals are released: those of a released key, as request or as fixing target. */
  static Set<String> requests(Set<String> releasedKeys) {
    Set<String> out = new TreeSet<>();
    for (String k : releasedKeys) {
      RequestVote v = RequestVote.parse(k);
      out.add(v.request());
      if (v.target() != null) {
        out.add(v.target());
      }
    }
    return out;
  }

  /**
   * @param released the keys partition selection released, with their noisy counts
   * @param totals the noisy totals of {@link #requests}'s outcomes ({@link VoteTally#totals})
   * @param tally where the facts of each request come from
   */
  static Map<String, StatValue> of(Map<String, Long> released, Map<String, Long> totals, VoteTally tally) {
    Map<String, StatValue> out = new HashMap<>();
    for (String r : requests(released.keySet())) {
      long ok = total(totals, r, Outcome.OK);
      long failed = total(totals, r, Outcome.FAILED);
      long lost = total(totals, r, Outcome.LOST);
      long fixed = total(totals, r, Outcome.FIXED);
      long voters = ok + failed + lost + fixed;
      if (voters > 0) {
        out.put(StatKey.state(r), new StatValue(voters, ok, failed + lost, CustomerSketch.anonymous(voters),
            CustomerSketch.anonymous(ok), tally.domain(r), tally.meaning(r)));
      }
      if (fixed + lost > 0) {
        out.put(StatKey.rephrased(r), new StatValue(fixed + lost, fixed, 0, CustomerSketch.anonymous(fixed + lost),
            CustomerSketch.anonymous(fixed)));
      }
    }
    released.forEach((k, n) -> {
      RequestVote v = RequestVote.parse(k);
      if (v.target() != null) {
        CustomerSketch who = CustomerSketch.anonymous(n);
        out.put(StatKey.pair(v.request(), v.target()), new StatValue(n, n, 0, who, who));
        out.put(StatKey.transition(v.request(), v.target()), new StatValue(n, 0, 0, who, CustomerSketch.EMPTY));
      }
    });
    return out;
  }

  private static long total(Map<String, Long> totals, String request, Outcome o) {
    return Math.max(0, totals.getOrDefault(VoteTally.totalKey(request, o), 0L));
  }
}
