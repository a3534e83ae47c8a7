package org.selflearn.rewriter.offline.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.selflearn.rewriter.markov.StateNames;
import org.selflearn.rewriter.offline.mining.MinedSession;
import org.selflearn.rewriter.offline.mining.Turn;

/**
 * Listens to mined sessions and keeps what the online layers are built from: each customer's successful requests
 * and own rephrase pairs, the NLU domain of successful requests, and a seeded reservoir sample of ranker examples
 * (rephrase chains that ended in success are positives; requests that succeeded as said are negatives).
 */
public final class SessionCollector implements Consumer<MinedSession> {
  /** A customer's successful request as collected. */
  static final class Entry {
    int count;
    long lastMillis;
    int deviceType;
    String domainIntent;
  }

  private final Map<String, Map<String, Entry>> personal = new HashMap<>();
  private final Map<String, Map<String, Integer>> pairs = new HashMap<>();
  private final Map<String, String> domainOfState = new HashMap<>();
  private final Reservoir<TrainingExample> positives;
  private final Reservoir<TrainingExample> negatives;
  public SessionCollector(int examplesPerKind, long seed) {
    this.positives = new Reservoir<>(examplesPerKind, new SplittableRandom(seed));
    this.negatives = new Reservoir<>(examplesPerKind, new SplittableRandom(seed + 1));
  }

  @Override
  public void accept(MinedSession s) {
    List<Turn> t = s.turns();
    for (int i = 0; i < t.size(); i++) {
      Turn turn = t.get(i);
      if (s.success(i)) {
        String executed = StateNames.executed(turn.state());
        Entry e = personal.computeIfAbsent(turn.customerId(), k -> new HashMap<>())
            .computeIfAbsent(executed, k -> new Entry());
        e.count++;
        if (turn.timestampMs() >= e.lastMillis) {
          e.lastMillis = turn.timestampMs();
          e.deviceType = turn.deviceType().ordinal();
          e.domainIntent = turn.domainIntent();
        }
        if (!turn.domainIntent().isEmpty()) {
          domainOfState.put(executed, turn.domainIntent());
        }
        // a rewritten turn that succeeded is our rewriter's outcome, not a rephrase of the customer's own: counting it
        // as a pair would let the own-history layer feed on the rewriter's output (loop/NoSelfFeedingTest)
      }
    }
    for (int[] c : s.chains()) {
      int last = c[1];
      String previousDomain = c[0] > 0 ? org.selflearn.rewriter.common.event.Nlu.domainOf(t.get(c[0] - 1).domainIntent()) : "";
      Turn end = t.get(last);
      if (c[1] > c[0] && s.success(last)) {
        String target = StateNames.executed(end.state());
        java.util.Set<String> counted = new java.util.HashSet<>(); // a source counts once per chain
        for (int i = c[0]; i < last; i++) {
          Turn src = t.get(i);
          if (!StateNames.isRewritten(src.state()) && !src.state().equals(target) && counted.add(src.state())) {
            addPair(src.customerId(), src.state(), target);
            positives.offer(new TrainingExample(src.customerId(), deviceType(src), src.timestampMs(), previousDomain,
                src.state(), target));
          }
        }
      } else if (c[1] == c[0] && s.success(last) && !StateNames.isRewritten(end.state())) {
        negatives.offer(new TrainingExample(end.customerId(), deviceType(end), end.timestampMs(), previousDomain,
            end.state(), null));
      }
    }
  }

  private static int deviceType(Turn t) {
    return t.deviceType().ordinal();
  }

  private void addPair(String customer, String source, String target) {
    pairs.computeIfAbsent(customer, k -> new HashMap<>()).merge(source + "\t" + target, 1, Integer::sum);
  }

  Map<String, Map<String, Entry>> personal() {
    return personal;
  }

  Map<String, Map<String, Integer>> pairs() {
    return pairs;
  }

  /** The latest NLU {@code domain|intent} of each successful state. */
  public Map<String, String> domainOfState() {
    return domainOfState;
  }

  /** Positives then negatives. */
  public List<TrainingExample> examples() {
    List<TrainingExample> all = new ArrayList<>(positives.items());
    all.addAll(negatives.items());
    return all;
  }

  public int customers() {
    return personal.size();
  }
}
