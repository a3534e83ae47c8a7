package org.selflearn.rewriter.offline.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.selflearn.rewriter.common.text.TextNormalizer;
import org.selflearn.rewriter.offline.replay.Decision;
import org.selflearn.rewriter.offline.replay.Outcome;
import org.selflearn.rewriter.offline.replay.ReplayTurn;

/**
 * The rewrites the candidate gained (it makes them, the baseline did not on that turn) and lost (the baseline made
 * them, the candidate no longer does), each by its number of turns, with paired wins and losses: a win is a turn the
 * candidate gets right and the baseline got wrong; a loss a turn the baseline got right and the candidate gets wrong.
 * A turn is right when it ends without a defect: a win, or no rewrite of a turn that was not a defect.
 */
public final class WhatChanged {
  private WhatChanged() {}

  /** The report's {@code whatChanged}: totals, then the top {@code limit} gained and lost rewrites by turns. */
  public static Map<String, Object> of(List<ReplayTurn> turns, List<Decision> baseline, List<Decision> candidate,
      BiFunction<ReplayTurn, String, Outcome> scorer, int limit) {
    Map<String, Row> gained = new HashMap<>();
    Map<String, Row> lost = new HashMap<>();
    long changed = 0;
    long wins = 0;
    long losses = 0;
    for (int i = 0; i < turns.size(); i++) {
      ReplayTurn t = turns.get(i);
      String a = effective(t, baseline.get(i).rewrite());
      String b = effective(t, candidate.get(i).rewrite());
      if (a == null ? b == null : a.equals(b)) {
        continue;
      }
      changed++;
      boolean rightA = right(t, scorer.apply(t, baseline.get(i).rewrite()));
      boolean rightB = right(t, scorer.apply(t, candidate.get(i).rewrite()));
      int win = rightB && !rightA ? 1 : 0;
      int loss = rightA && !rightB ? 1 : 0;
      wins += win;
      losses += loss;
      if (b != null) {
        String source = candidate.get(i).source();
        gained.computeIfAbsent(t.heard() + " → " + b, k -> new Row(source)).add(win, loss);
      }
      if (a != null) {
        String source = baseline.get(i).source();
        lost.computeIfAbsent(t.heard() + " → " + a, k -> new Row(source)).add(win, loss);
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("turnsChanged", changed);
    m.put("wins", wins);
    m.put("losses", losses);
    m.put("gained", top(gained, limit));
    m.put("lost", top(lost, limit));
    return m;
  }

  static boolean right(ReplayTurn t, Outcome o) {
    return o == Outcome.WIN || (o == Outcome.NONE && !t.defect());
  }

  /** The normalised rewrite, or null when there is none (or it normalises to what was heard). */
  private static String effective(ReplayTurn t, String rewrite) {
    if (rewrite == null) {
      return null;
    }
    String r = TextNormalizer.normalize(rewrite);
    return r.isEmpty() || r.equals(t.heard()) ? null : r;
  }

  private static List<Map<String, Object>> top(Map<String, Row> rows, int limit) {
    List<Map.Entry<String, Row>> list = new ArrayList<>(rows.entrySet());
    list.sort((x, y) -> x.getValue().turns != y.getValue().turns ? Long.compare(y.getValue().turns, x.getValue().turns)
        : x.getKey().compareTo(y.getKey()));
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map.Entry<String, Row> e : list.subList(0, Math.min(limit, list.size()))) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("rewrite", e.getKey());
      r.put("source", e.getValue().source);
      r.put("turns", e.getValue().turns);
      r.put("wins", e.getValue().wins);
      r.put("losses", e.getValue().losses);
      out.add(r);
    }
    return out;
  }

  private static final class Row {
    final String source;
    long turns;
    long wins;
    long losses;

    Row(String source) {
      this.source = source;
    }

    void add(int win, int loss) {
      turns++;
      wins += win;
      losses += loss;
    }
  }
}
