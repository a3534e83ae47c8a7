package org.selflearn.rewriter.offline.mining;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.selflearn.rewriter.markov.StateNames;

/**
 * Labels the turns of a closed session and turns its rephrase chains into statistic contributions.
 *
 * <p>Labels follow log-format.md: a turn is a defect when its response failed, the customer barged in, gave negative
 * feedback, or rephrased it; otherwise a success. A chain is a maximal run of turns each rephrasing the one before; it
 * ends in SUCCESS when its last turn succeeded, else in FAILURE (the customer gave up).
 */
public final class SessionMiner {
  private final RephraseDetector detector;

  public SessionMiner(MiningSettings settings) {
    this.detector = new RephraseDetector(settings);
  }

  /** Labels a session and cuts its chains. */
  public MinedSession mine(List<Turn> turns) {
    int n = turns.size();
    boolean[] rephrased = new boolean[n];
    boolean[] defect = new boolean[n];
    for (int i = 0; i < n; i++) {
      rephrased[i] = i + 1 < n && detector.isRephrase(turns.get(i), turns.get(i + 1));
      defect[i] = turns.get(i).ownDefect() || rephrased[i];
    }
    List<int[]> chains = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < n; i++) {
      if (!rephrased[i]) {
        chains.add(new int[] {start, i});
        start = i + 1;
      }
    }
    return new MinedSession(turns, defect, rephrased, chains);
  }

  /**
   * The domain a successful request had, carried by its own STATE statistic (a rewritten turn's domain belongs to the
   * request it executed, a different state: {@code train.ModelFacts} sends that one on its own).
   */
  static LatestValue domainFact(Turn turn, boolean success) {
    return success && !turn.domainIntent().isEmpty() && !StateNames.isRewritten(turn.state())
        ? new LatestValue(turn.timestampMs(), turn.domainIntent()) : null;
  }

  /** What a request that succeeded as said meant, when its state is the heard text (else ModelFacts sends it). */
  static LatestValue meaningFact(Turn turn) {
    return !turn.ownDefect() && !turn.interpretation().isEmpty() && turn.heard().equals(turn.state())
        ? new LatestValue(turn.timestampMs(), turn.interpretation()) : null;
  }

  /** Emits the statistic contributions of a mined session, key by key. */
  public static void contributions(MinedSession s, BiConsumer<String, StatValue> out) {
    List<Turn> t = s.turns();
    for (int[] c : s.chains()) {
      int last = c[1];
      boolean endSuccess = s.success(last);
      for (int i = c[0]; i <= last; i++) {
        Turn turn = t.get(i);
        CustomerSketch who = CustomerSketch.of(turn.customerId());
        boolean ok = s.success(i);
        out.accept(StatKey.state(turn.state()), new StatValue(1, ok ? 1 : 0, i == last && !ok ? 1 : 0, who,
            ok ? who : CustomerSketch.EMPTY, domainFact(turn, ok), meaningFact(turn)));
        if (i < last) {
          out.accept(StatKey.transition(turn.state(), t.get(i + 1).state()),
              new StatValue(1, 0, 0, who, CustomerSketch.EMPTY));
        }
      }
      // each ordered pair counts once per chain; it is a target success when the chain ended in success there
      Map<String, Boolean> pairs = new LinkedHashMap<>();
      String finalState = t.get(last).state();
      for (int i = c[0]; i < last; i++) {
        String source = t.get(i).state();
        pairs.merge(StatKey.rephrased(source), endSuccess && !source.equals(finalState), Boolean::logicalOr);
        for (int j = i + 1; j <= last; j++) {
          pairs.merge(StatKey.pair(source, t.get(j).state()), j == last && endSuccess, Boolean::logicalOr);
        }
      }
      CustomerSketch who = CustomerSketch.of(t.get(c[0]).customerId());
      pairs.forEach((key, ok) -> out.accept(key,
          new StatValue(1, ok ? 1 : 0, 0, who, ok ? who : CustomerSketch.EMPTY)));
    }
  }
}
