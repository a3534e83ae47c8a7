package org.selflearn.rewriter.offline.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code train}'s summary as a few short lines; the full figures stay in {@code train-summary.json}. */
final class TrainSummaryText {
  private TrainSummaryText() {}

  static void print(Map<String, Object> summary, Path logs, Path rejects, PrintStream out) {
    Map<?, ?> mining = map(summary.get("mining"));
    Map<?, ?> solve = map(summary.get("solve"));
    Map<?, ?> indexes = map(summary.get("indexes"));
    Map<?, ?> ranker = map(summary.get("ranker"));
    line(out, "input", InputScan.rejectsLine(mining.get("events"), mining.get("rejected"),
        mining.get("rejectedByField"), rejects));
    line(out, "mined", v(mining, "sessions") + " sessions, " + v(mining, "turns") + " turns (" + v(mining, "defects")
        + " defects), " + v(mining, "rephraseChains") + " rephrase chains, " + v(mining, "states") + " states");
    Map<Object, Object> dropped = new LinkedHashMap<>(map(solve.get("decisionsByReason")));
    dropped.remove("kept");
    line(out, "solved", v(solve, "groups") + " groups (largest " + v(solve, "largestGroup") + " states), "
        + v(solve, "rewritesKept") + " rewrites kept as table " + v(solve, "tableVersion") + "; not kept: "
        + Console.inline(dropped));
    line(out, "indexes", "global " + v(indexes, "globalEntries") + " requests (" + v(indexes, "globalServable")
        + " servable), personal memories of " + v(indexes, "personalCustomers") + " customers; embedder "
        + v(indexes, "embedder") + ", " + v(indexes, "dimension") + " dimensions");
    line(out, "ranker", "threshold " + v(ranker, "threshold") + " for precision " + v(ranker, "targetPrecision")
        + "; held-out " + v(ranker, "heldOutWins") + " wins, " + v(ranker, "heldOutLosses") + " losses; "
        + v(ranker, "examples") + " mined examples");
    printCalibration(map(summary.get("calibration")), out);
    line(out, "time", Console.inline(secondsOf(summary.get("seconds"))) + "; peak heap "
        + Console.value(summary.get("peakHeapMB")) + " MB");
  }

  /** One line per layer: the held-out evidence and whether the layer serves. */
  private static void printCalibration(Map<?, ?> calibration, PrintStream out) {
    if (!(calibration.get("heldOut") instanceof Map<?, ?> held)) {
      line(out, "layers", "every layer serves (no calibration: " + Console.value(calibration.get("heldOut")) + ")");
      return;
    }
    line(out, "layers", "chosen on the " + v(held, "heldOutEvents") + " events from " + v(held, "heldOutFrom")
        + ", judged by the customers' own corrections:");
    map(held.get("layers")).forEach((layer, e) -> {
      if (!(e instanceof Map<?, ?> m)) {
        return; // a figure beside the layers, e.g. bestConfirmedShare
      }
      out.printf("  %-15s %-5s %6s rewrites: %s confirmed, %s contradicted, %s unjudged; %s%n", layer,
          Boolean.TRUE.equals(m.get("serve")) ? "ON" : "off", v(m, "triggered"), v(m, "confirmed"),
          v(m, "contradicted"), v(m, "unjudged"), v(m, "why") + (m.containsKey("threshold")
              ? ", threshold " + v(m, "threshold") : ""));
    });
  }

  private static Map<Object, Object> secondsOf(Object seconds) {
    Map<Object, Object> m = new LinkedHashMap<>();
    map(seconds).forEach((k, s) -> m.put(k, (s instanceof Number n ? String.format(java.util.Locale.ROOT, "%.2f",
        n.doubleValue()) : s) + " s"));
    return m;
  }

  private static void line(PrintStream out, String label, String text) {
    out.printf("%-8s %s%n", label, text);
  }

  private static String v(Map<?, ?> m, String key) {
    Object o = m.get(key);
    return o == null ? "–" : Console.value(o);
  }

  private static Map<?, ?> map(Object o) {
    return o instanceof Map<?, ?> m ? m : Map.of();
  }
}
