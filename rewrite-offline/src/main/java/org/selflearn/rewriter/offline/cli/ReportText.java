package org.selflearn.rewriter.offline.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** A replay report on the terminal: a headline, small aligned tables by source and by strategy, latency. */
final class ReportText {
  private ReportText() {}

  static void print(Map<String, Object> report, PrintStream out) {
    out.println("turns " + Console.value(report.get("turns")) + ", defect rate "
        + Console.pct(report.get("defectRateBefore")) + " → " + Console.pct(report.get("defectRateAfter")) + " ("
        + Console.pct(report.get("defectReduction")) + " fewer defects)");
    out.println("rewritten " + Console.value(report.get("triggered")) + ": " + Console.value(report.get("wins"))
        + " wins, " + Console.value(report.get("losses")) + " losses, " + Console.value(report.get("neutral"))
        + " neutral (win/loss " + Console.ratio(report.get("winLossRatio")) + ")");
    if (report.get("bySource") instanceof Map<?, ?> by && !by.isEmpty()) {
      TextTable t = new TextTable("  ", "source", "triggered", "wins", "losses");
      by.forEach((k, v) -> {
        Map<?, ?> m = v instanceof Map<?, ?> x ? x : Map.of();
        t.row(String.valueOf(k), m.get("triggered"), m.get("wins"), m.get("losses"));
      });
      t.print(out);
    }
    if (report.get("latencyMicros") instanceof Map<?, ?> lat) {
      out.println("latency µs: " + Console.inline(lat));
    }
    if (report.get("failOpen") instanceof Map<?, ?> f && !f.isEmpty()) {
      out.println("returned unchanged on failure: " + Console.inline(f));
    }
    if (report.get("eventsPerSecond") != null) {
      out.println("events/s: " + Console.value(report.get("eventsPerSecond")));
    }
    if (report.containsKey("baselines") || report.containsKey("ablations")) {
      strategies(report, out);
    }
  }

  /** Ours, its ablations and the baselines on the same turns, one row each. */
  static void strategies(Map<String, Object> report, PrintStream out) {
    Map<String, Object> rows = new LinkedHashMap<>();
    rows.put("ours", report);
    add(rows, report.get("ablations"), "ours ");
    add(rows, report.get("baselines"), "");
    TextTable t = new TextTable("  ", "strategy", "triggered", "wins", "losses", "win/loss", "defects after",
        "reduction");
    rows.forEach((name, v) -> {
      Map<?, ?> m = v instanceof Map<?, ?> x ? x : Map.of();
      t.row(name, m.get("triggered"), m.get("wins"), m.get("losses"), Console.ratio(m.get("winLossRatio")),
          Console.pct(m.get("defectRateAfter")), Console.pct(m.get("defectReduction")));
    });
    t.print(out);
    if (report.get("layers") instanceof Map<?, ?> layers) {
      layers(layers, out);
    }
  }

  /** The layers added one at a time in serving order, with what each adds to the defect reduction. */
  static void layers(Map<?, ?> layers, PrintStream out) {
    out.println("layer by layer (serving order, same turns):");
    TextTable t = new TextTable("  ", "layers", "triggered", "wins", "losses", "win/loss", "reduction", "added");
    double[] before = {0};
    layers.forEach((name, v) -> {
      Map<?, ?> m = v instanceof Map<?, ?> x ? x : Map.of();
      double r = m.get("defectReduction") instanceof Number n ? n.doubleValue() : 0;
      t.row(name, m.get("triggered"), m.get("wins"), m.get("losses"), Console.ratio(m.get("winLossRatio")),
          Console.pct(m.get("defectReduction")), String.format(java.util.Locale.ROOT, "%+.1f pt",
              100 * (r - before[0])));
      before[0] = r;
    });
    t.print(out);
  }

  private static void add(Map<String, Object> rows, Object group, String prefix) {
    if (group instanceof Map<?, ?> m) {
      m.forEach((k, v) -> rows.put(prefix + k, v));
    }
  }
}
