package org.selflearn.rewriter.offline.train;

import org.selflearn.rewriter.offline.mining.LatestValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.selflearn.rewriter.offline.mining.StatKey;
import org.selflearn.rewriter.offline.mining.StatValue;
import org.selflearn.rewriter.markov.StateNames;
import org.selflearn.rewriter.offline.mining.MinedSession;
import org.selflearn.rewriter.offline.mining.Turn;

/**
 * The latest-seen facts about requests that a model needs beside the counts: the NLU {@code domain|intent} a request
 * had when it last succeeded (the global index's domain), and the NLU interpretation a heard request last had when it
 * succeeded as said ({@link Interpretations}). Most travel on the request's own STATE statistic
 * ({@link StatValue#domain()}, {@link StatValue#meaning()}), which every turn sends anyway; the rest — the domain of a
 * request a rewritten turn executed, and meanings when states are interpretation keys rather than heard text — are
 * facts of their own, keyed {@code D<TAB>request} and {@code I<TAB>heard}, aggregated like statistics.
 */
public final class ModelFacts {
  static final char DOMAIN = 'D';
  static final char INTERPRETATION = 'I';

  private ModelFacts() {}

  /** Emits the facts of a mined session that its STATE statistics do not carry. */
  public static void contributions(MinedSession s, BiConsumer<String, LatestValue> out) {
    List<Turn> t = s.turns();
    for (int i = 0; i < t.size(); i++) {
      Turn turn = t.get(i);
      boolean rewritten = StateNames.isRewritten(turn.state());
      if (rewritten && s.success(i) && !turn.domainIntent().isEmpty()) {
        out.accept(DOMAIN + "\t" + StateNames.executed(turn.state()),
            new LatestValue(turn.timestampMs(), turn.domainIntent()));
      }
      if (!rewritten && !turn.ownDefect() && !turn.interpretation().isEmpty() && !turn.heard().equals(turn.state())) {
        out.accept(INTERPRETATION + "\t" + turn.heard(), new LatestValue(turn.timestampMs(), turn.interpretation()));
      }
    }
  }

  /** The NLU {@code domain|intent} of each successful request. */
  public static Map<String, String> domainOfState(Map<String, StatValue> stats, Map<String, LatestValue> facts) {
    return select(stats, StatValue::domain, facts, DOMAIN);
  }

  /** What each request meant when it succeeded as said. */
  public static Interpretations interpretations(Map<String, StatValue> stats, Map<String, LatestValue> facts) {
    return Interpretations.of(select(stats, StatValue::meaning, facts, INTERPRETATION));
  }

  private static Map<String, String> select(Map<String, StatValue> stats, Function<StatValue, LatestValue> carried,
      Map<String, LatestValue> facts, char kind) {
    Map<String, LatestValue> latest = new HashMap<>();
    stats.forEach((k, v) -> {
      LatestValue x = carried.apply(v);
      if (x != null && StatKey.kind(k) == StatKey.STATE) {
        latest.merge(k.substring(2), x, LatestValue::merge);
      }
    });
    facts.forEach((k, v) -> {
      if (k.charAt(0) == kind) {
        latest.merge(k.substring(2), v, LatestValue::merge);
      }
    });
    Map<String, String> out = new HashMap<>();
    latest.forEach((k, v) -> out.put(k, v.value()));
    return out;
  }
}
