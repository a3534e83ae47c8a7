package org.selflearn.rewriter.offline.train;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.selflearn.rewriter.markov.StateNames;
import org.selflearn.rewriter.offline.mining.MinedSession;
import org.selflearn.rewriter.offline.mining.Turn;

/**
 * The latest-seen facts about requests that a model needs beside the statistics, keyed like statistics so that the
 * streaming job aggregates them the same way: {@code D<TAB>request} → the NLU {@code domain|intent} the request had
 * when it last succeeded (the global index's domain), and {@code I<TAB>heard} → the NLU interpretation a heard
 * request last had when it succeeded as said ({@link Interpretations}).
 */
public final class ModelFacts {
  static final char DOMAIN = 'D';
  static final char INTERPRETATION = 'I';

  private ModelFacts() {}

  /** Emits the facts of a mined session. */
  public static void contributions(MinedSession s, BiConsumer<String, LatestValue> out) {
    List<Turn> t = s.turns();
    for (int i = 0; i < t.size(); i++) {
      Turn turn = t.get(i);
      if (s.success(i) && !turn.domainIntent().isEmpty()) {
        out.accept(DOMAIN + "\t" + StateNames.executed(turn.state()),
            new LatestValue(turn.timestampMs(), turn.domainIntent()));
      }
      if (!turn.ownDefect() && !turn.interpretation().isEmpty() && !StateNames.isRewritten(turn.state())) {
        out.accept(INTERPRETATION + "\t" + turn.heard(), new LatestValue(turn.timestampMs(), turn.interpretation()));
      }
    }
  }

  /** The NLU {@code domain|intent} of each successful request. */
  public static Map<String, String> domainOfState(Map<String, LatestValue> facts) {
    return select(facts, DOMAIN);
  }

  /** What each request meant when it succeeded as said. */
  public static Interpretations interpretations(Map<String, LatestValue> facts) {
    return Interpretations.of(select(facts, INTERPRETATION));
  }

  private static Map<String, String> select(Map<String, LatestValue> facts, char kind) {
    Map<String, String> out = new HashMap<>();
    facts.forEach((k, v) -> {
      if (k.charAt(0) == kind) {
        out.put(k.substring(2), v.value());
      }
    });
    return out;
  }
}
