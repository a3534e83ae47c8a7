package org.selflearn.rewriter.offline.mining;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.selflearn.rewriter.common.codec.Rejection;

/** Counts of one mining run, printed and written as JSON. Not thread-safe. */
public final class MiningSummary {
  long events;
  long turnsSeen;
  long rejected;
  long sessions;
  long turns;
  long defects;
  long rephraseChains;
  long states;
  long transitions;
  long pairs;
  final Map<String, Long> rejectedByField = new TreeMap<>();
  /** What bounded contribution kept and dropped (differential privacy on), else null. */
  Map<String, Object> bounding;

  void reject(Rejection r) {
    rejected++;
    rejectedByField.merge(r.field(), 1L, Long::sum);
  }

  void session(MinedSession s) {
    sessions++;
    turns += s.turns().size();
    for (boolean d : s.defect()) {
      defects += d ? 1 : 0;
    }
    for (int[] c : s.chains()) {
      rephraseChains += c[1] > c[0] ? 1 : 0;
    }
  }

  void bounding(Map<String, Object> report) {
    bounding = report;
  }

  void finish(Map<String, StatValue> stats) {
    states = 0;
    transitions = 0;
    pairs = 0;
    java.util.Set<String> voted = new java.util.HashSet<>();
    for (String k : stats.keySet()) {
      switch (StatKey.kind(k)) {
        case StatKey.STATE -> states++;
        case StatKey.TRANSITION -> transitions++;
        case StatKey.PAIR -> pairs++;
        case StatKey.VOTE -> { // bounded votes: the requests voted on, and the fixes as pairs
          RequestVote v = RequestVote.parse(k);
          states += voted.add(v.request()) ? 1 : 0;
          pairs += v.target() != null ? 1 : 0;
        }
        default -> { } // REPHRASED: one per source, not a pair
      }
    }
  }

  /** The counts as an ordered map, for JSON and printing. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("events", events);
    m.put("rejected", rejected);
    m.put("rejectedByField", rejectedByField);
    m.put("sessions", sessions);
    m.put("turns", turns);
    m.put("defects", defects);
    m.put("rephraseChains", rephraseChains);
    m.put("states", states);
    m.put("transitions", transitions);
    m.put("pairs", pairs);
    if (bounding != null) {
      m.put("bounding", bounding);
    }
    return m;
  }
}
