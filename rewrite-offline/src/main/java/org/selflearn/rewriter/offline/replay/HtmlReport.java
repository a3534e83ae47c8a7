package org.selflearn.rewriter.offline.replay;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.selflearn.rewriter.offline.io.Html;

/**
 * A self-contained HTML replay report (inline SVG, no scripts, no external resources): defect rate before and after
 * for ours and every baseline, wins and losses by source, the personal-layer ablation, the latency histogram, the top
 * rewrites with their outcomes, and a sample of losses to learn from.
 */
public final class HtmlReport {
  private HtmlReport() {}

  public static void write(Path file, Map<String, Object> report, List<ReplayTurn> turns, List<Decision> decisions) {
    write(file, report, turns, decisions, "");
  }

  /**
   * Writes the report with {@code extraSections} (well-formed HTML, e.g. the slices' forest plot) after the layer
   * chart.
   */
  public static void write(Path file, Map<String, Object> report, List<ReplayTurn> turns, List<Decision> decisions,
      String extraSections) {
    StringBuilder h = new StringBuilder(64_000);
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"/><title>Rewriter replay report</title>")
        .append("<style>body{font:14px system-ui,sans-serif;margin:24px;color:#222;max-width:1100px}")
        .append("table{border-collapse:collapse;margin:8px 0 20px}td,th{border:1px solid #ccc;padding:4px 8px;")
        .append("text-align:left}th{background:#f3f3f3}.n{text-align:right}h2{margin-top:28px}</style></head><body>")
        .append("<h1>Replay report</h1>");
    h.append("<p>").append(report.get("turns")).append(" turns replayed; ").append(report.get("triggered"))
        .append(" rewritten: ").append(report.get("wins")).append(" wins, ").append(report.get("losses"))
        .append(" losses (win/loss ").append(report.get("winLossRatio")).append("). Defect rate ")
        .append(pct(report.get("defectRateBefore"))).append(" → ").append(pct(report.get("defectRateAfter")))
        .append(" (").append(pct(report.get("defectReduction"))).append(" fewer defects).</p>");
    h.append("<h2>Defect rate before and after, ours beside the baselines</h2>");
    Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
    rows.put("ours", report);
    addAll(rows, report.get("ablations"), "ours ");
    addAll(rows, report.get("baselines"), "");
    h.append(defectChart(rows));
    h.append("<table><tr><th>strategy</th><th>triggered</th><th>wins</th><th>losses</th><th>win/loss</th>")
        .append("<th>defect rate after</th><th>defect reduction</th></tr>");
    String td = "</td><td class=\"n\">";
    rows.forEach((name, r) -> h.append("<tr><td>").append(Html.escape(name)).append(td).append(r.get("triggered"))
        .append(td).append(r.get("wins")).append(td).append(r.get("losses")).append(td).append(r.get("winLossRatio"))
        .append(td).append(pct(r.get("defectRateAfter"))).append(td).append(pct(r.get("defectReduction")))
        .append("</td></tr>"));
    h.append("</table><h2>Wins and losses by source</h2>").append(sourceChart(report));
    h.append("<p>The personal layer's contribution is the difference between <i>ours</i> and <i>ours")
        .append(" withoutPersonal</i> above (same turns, same model, personal memory switched off).</p>");
    String layers = LayerChart.svg(report, "Wins by layer, the layers added one at a time in serving order");
    if (!layers.isEmpty()) {
      h.append("<h2>Layer by layer</h2>").append(layers);
    }
    h.append(extraSections);
    h.append(calibration(report.get("calibration")));
    h.append("<h2>Latency of one rewrite (µs)</h2>").append(latencyChart(decisions));
    h.append("<p>").append(Html.escape(latencyText(report.get("latencyMicros")))).append("</p>");
    h.append("<h2>Top rewrites</h2>").append(topRewrites(turns, decisions));
    h.append("<h2>A sample of losses</h2>").append(losses(turns, decisions));
    h.append("</body></html>\n");
    org.selflearn.rewriter.offline.io.Directories.writeText(file, h);
  }

  /** The model's self-calibration: held-out evidence per layer and what serves (empty when the model has none). */
  private static String calibration(Object calibration) {
    if (!(calibration instanceof Map<?, ?> c) || !(c.get("heldOut") instanceof Map<?, ?> held)
        || !(held.get("layers") instanceof Map<?, ?> layers)) {
      return "";
    }
    StringBuilder h = new StringBuilder("<h2>Layers chosen by self-calibration (before shipping)</h2><p>Training held"
        + " out its own logs from " + Html.escape(String.valueOf(held.get("heldOutFrom"))) + " ("
        + held.get("heldOutEvents")
        + " events), trained on the rest, and judged each layer's proposals by the customers' own corrections.</p>"
        + "<table><tr><th>layer</th><th>serves</th><th>confirmed</th><th>contradicted</th><th>unjudged</th>"
        + "<th>why</th></tr>");
    String td = "</td><td class=\"n\">";
    layers.forEach((name, v) -> {
      if (!(v instanceof Map<?, ?> m)) {
        return; // a figure beside the layers, e.g. bestConfirmedShare
      }
      h.append("<tr><td>").append(Html.escape(String.valueOf(name))).append("</td><td>")
          .append(Boolean.TRUE.equals(m.get("serve")) ? "yes" : "no").append(td).append(m.get("confirmed"))
          .append(td).append(m.get("contradicted")).append(td).append(m.get("unjudged")).append("</td><td>")
          .append(Html.escape(String.valueOf(m.get("why")))).append("</td></tr>");
    });
    return h.append("</table>").toString();
  }

  @SuppressWarnings("unchecked")
  private static void addAll(Map<String, Map<String, Object>> rows, Object group, String prefix) {
    if (group instanceof Map<?, ?> m) {
      m.forEach((k, v) -> rows.put(prefix + k, (Map<String, Object>) v));
    }
  }

  private static String defectChart(Map<String, Map<String, Object>> rows) {
    int barH = 22;
    int height = rows.size() * (barH + 8) + 30;
    StringBuilder s = new StringBuilder("<svg width=\"760\" height=\"" + height + "\" role=\"img\">");
    int y = 10;
    double before = num(rows.get("ours").get("defectRateBefore"));
    s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"0\" x2=\"%d\" y2=\"%d\" stroke=\"#c33\" "
        + "stroke-dasharray=\"4\"/>", 180 + (int) (before * 1000), 180 + (int) (before * 1000), height));
    for (Map.Entry<String, Map<String, Object>> e : rows.entrySet()) {
      double after = num(e.getValue().get("defectRateAfter"));
      s.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text><rect x=\"180\" y=\"%d\" width=\"%d\" "
          + "height=\"%d\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>", y + 15, Html.escape(e.getKey()), y,
          (int) (after * 1000), barH, e.getKey().equals("ours") ? "#2a7" : "#89a", 186 + (int) (after * 1000),
          y + 15, pct(after)));
      y += barH + 8;
    }
    s.append(String.format(Locale.ROOT, "<text x=\"180\" y=\"%d\" fill=\"#c33\">dashed: defect rate before (%s)"
        + "</text></svg>", height - 4, pct(before)));
    return s.toString();
  }

  private static String sourceChart(Map<String, Object> report) {
    StringBuilder s = new StringBuilder("<svg width=\"760\" height=\"120\" role=\"img\">");
    int y = 10;
    Object by = report.get("bySource");
    if (by instanceof Map<?, ?> m) {
      long max = 1;
      for (Object v : m.values()) {
        max = Math.max(max, ((Number) ((Map<?, ?>) v).get("wins")).longValue()
            + ((Number) ((Map<?, ?>) v).get("losses")).longValue());
      }
      for (Map.Entry<?, ?> e : m.entrySet()) {
        Map<?, ?> v = (Map<?, ?>) e.getValue();
        long w = ((Number) v.get("wins")).longValue();
        long l = ((Number) v.get("losses")).longValue();
        int ww = (int) (500.0 * w / max);
        int lw = (int) (500.0 * l / max);
        s.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text><rect x=\"120\" y=\"%d\" "
            + "width=\"%d\" height=\"24\" fill=\"#2a7\"/><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"24\" "
            + "fill=\"#c33\"/><text x=\"%d\" y=\"%d\">%d wins / %d losses</text>", y + 16, Html.escape(e.getKey()
            .toString()), y, ww, 120 + ww, y, lw, 128 + ww + lw, y + 16, w, l));
        y += 34;
      }
    }
    return s.append("</svg>").toString();
  }

  private static String latencyChart(List<Decision> decisions) {
    int[] buckets = new int[12]; // <50, <100, <200, ... doubling
    String[] labels = new String[buckets.length];
    for (int i = 0; i < buckets.length; i++) {
      labels[i] = i == buckets.length - 1 ? "≥" + (25 << (i)) : "<" + (50 << i);
    }
    for (Decision d : decisions) {
      int b = 0;
      while (b < buckets.length - 1 && d.micros() >= (50L << b)) {
        b++;
      }
      buckets[b]++;
    }
    int max = 1;
    for (int c : buckets) {
      max = Math.max(max, c);
    }
    StringBuilder s = new StringBuilder("<svg width=\"760\" height=\"190\" role=\"img\">");
    for (int i = 0; i < buckets.length; i++) {
      int hgt = (int) (140.0 * buckets[i] / max);
      s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"50\" height=\"%d\" fill=\"#57a\"/>"
          + "<text x=\"%d\" y=\"175\" font-size=\"11\">%s</text><text x=\"%d\" y=\"%d\" font-size=\"11\">%d</text>",
          10 + i * 60, 150 - hgt, hgt, 10 + i * 60, Html.escape(labels[i]), 10 + i * 60, 145 - hgt, buckets[i]));
    }
    return s.append("</svg>").toString();
  }

  private static String topRewrites(List<ReplayTurn> turns, List<Decision> decisions) {
    Map<String, long[]> counts = new HashMap<>();
    Map<String, String> sources = new HashMap<>();
    for (int i = 0; i < turns.size(); i++) {
      Decision d = decisions.get(i);
      Outcome o = Outcome.of(turns.get(i), d.rewrite());
      if (o == Outcome.NONE) {
        continue;
      }
      String key = turns.get(i).heard() + " → " + d.rewrite();
      long[] c = counts.computeIfAbsent(key, k -> new long[3]);
      c[o == Outcome.WIN ? 0 : o == Outcome.LOSS ? 1 : 2]++;
      sources.put(key, d.source());
    }
    List<Map.Entry<String, long[]>> list = new ArrayList<>(counts.entrySet());
    list.sort((a, b) -> Long.compare(b.getValue()[0] + b.getValue()[1] + b.getValue()[2],
        a.getValue()[0] + a.getValue()[1] + a.getValue()[2]));
    StringBuilder t = new StringBuilder("<table><tr><th>rewrite</th><th>source</th><th>wins</th><th>losses</th>"
        + "<th>neutral</th></tr>");
    list.stream().limit(25).forEach(e -> t.append("<tr><td>").append(Html.escape(e.getKey())).append("</td><td>")
        .append(Html.escape(sources.get(e.getKey()))).append("</td><td class=\"n\">").append(e.getValue()[0])
        .append("</td><td class=\"n\">").append(e.getValue()[1]).append("</td><td class=\"n\">").append(e.getValue()[2])
        .append("</td></tr>"));
    return t.append("</table>").toString();
  }

  private static String losses(List<ReplayTurn> turns, List<Decision> decisions) {
    StringBuilder t = new StringBuilder("<table><tr><th>heard</th><th>rewritten to</th><th>source</th>"
        + "<th>score</th><th>meant (truth or the customer's own fix)</th></tr>");
    int shown = 0;
    for (int i = 0; i < turns.size() && shown < 30; i++) {
      Decision d = decisions.get(i);
      ReplayTurn r = turns.get(i);
      if (Outcome.of(r, d.rewrite()) == Outcome.LOSS) {
        String meant = r.event().truth() != null ? r.event().truth().intended()
            : r.successfulRephrase() != null ? r.successfulRephrase() : "(it had succeeded)";
        t.append("<tr><td>").append(Html.escape(r.heard())).append("</td><td>").append(Html.escape(d.rewrite()))
            .append("</td><td>").append(Html.escape(d.source())).append("</td><td class=\"n\">")
            .append(d.score() == null ? "" : String.format(Locale.ROOT, "%.3f", d.score())).append("</td><td>")
            .append(Html.escape(meant)).append("</td></tr>");
        shown++;
      }
    }
    return t.append("</table>").toString();
  }

  /** {@code p50 12 µs, p99 310 µs, max 2,400 µs} from the report's latency map. */
  private static String latencyText(Object latency) {
    if (!(latency instanceof Map<?, ?> m) || m.isEmpty()) {
      return "no latency recorded";
    }
    StringBuilder s = new StringBuilder("Per rewrite: ");
    m.forEach((k, v) -> s.append(s.length() > 13 ? ", " : "").append(k).append(' ')
        .append(String.format(Locale.ROOT, "%,d", (long) num(v))).append(" µs"));
    return s.toString();
  }

  private static double num(Object o) {
    return o instanceof Number n ? n.doubleValue() : 0;
  }

  private static String pct(Object o) {
    return String.format(Locale.ROOT, "%.1f%%", num(o) * 100);
  }
}
