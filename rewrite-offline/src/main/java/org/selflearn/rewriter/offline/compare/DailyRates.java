package org.selflearn.rewriter.offline.compare;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.selflearn.rewriter.offline.replay.Decision;
import org.selflearn.rewriter.offline.replay.Outcome;
import org.selflearn.rewriter.offline.replay.ReplayTurn;

/** The defect rate per day (UTC): before any rewrite, after the baseline's and after the candidate's. */
public final class DailyRates {
  private DailyRates() {}

  /** One row per day in date order: {@code day, turns, defectRateBefore, baseline, candidate}. */
  public static List<Map<String, Object>> of(List<ReplayTurn> turns, List<Decision> baseline,
      List<Decision> candidate, BiFunction<ReplayTurn, String, Outcome> scorer) {
    TreeMap<LocalDate, long[]> days = new TreeMap<>(); // turns, defects before, after baseline, after candidate
    for (int i = 0; i < turns.size(); i++) {
      ReplayTurn t = turns.get(i);
      long[] d = days.computeIfAbsent(t.event().timestamp().atZone(ZoneOffset.UTC).toLocalDate(), k -> new long[4]);
      d[0]++;
      d[1] += t.defect() ? 1 : 0;
      d[2] += WhatChanged.right(t, scorer.apply(t, baseline.get(i).rewrite())) ? 0 : 1;
      d[3] += WhatChanged.right(t, scorer.apply(t, candidate.get(i).rewrite())) ? 0 : 1;
    }
    List<Map<String, Object>> out = new ArrayList<>();
    days.forEach((day, d) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("day", day.toString());
      m.put("turns", d[0]);
      m.put("defectRateBefore", Report.round((double) d[1] / d[0]));
      m.put("baseline", Report.round((double) d[2] / d[0]));
      m.put("candidate", Report.round((double) d[3] / d[0]));
      out.add(m);
    });
    return out;
  }
}
