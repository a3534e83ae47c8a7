package org.selflearn.rewriter.offline.loop;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.selflearn.rewriter.offline.io.Html;

/**
 * The closed loop's HTML report, in the style of the replay report: one self-contained, well-formed file (inline SVG,
 * no scripts, no external resources) with the defect-rate curve per round, wins and losses per round, and the table
 * of every per-round figure.
 */
final class LoopHtml {
  private static final int WIDTH = 760;
  private static final int HEIGHT = 260;
  private static final int LEFT = 60;
  private static final int TOP = 20;
  private static final int PLOT_W = 660;
  private static final int PLOT_H = 190;

  private LoopHtml() {}

  static void write(Path file, Map<String, Object> report) {
    List<Map<String, Object>> rows = rows(report);
    StringBuilder h = new StringBuilder(16_000);
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"/><title>Closed loop report</title>")
        .append("<style>body{font:14px system-ui,sans-serif;margin:24px;color:#222;max-width:1100px}")
        .append("table{border-collapse:collapse;margin:8px 0 20px}td,th{border:1px solid #ccc;padding:4px 8px;")
        .append("text-align:left}th{background:#f3f3f3}.n{text-align:right}h2{margin-top:28px}</style></head><body>")
        .append("<h1>The loop closed</h1><p>").append(Html.escape(String.valueOf(report.get("customers"))))
        .append(" simulated customers of the built-in world, ").append(report.get("daysPerRound"))
        .append(" days a round, seed ").append(report.get("seed")).append(", embedder ")
        .append(Html.escape(String.valueOf(report.get("embedder"))))
        .append(". Round 0 runs without a rewriter; each later")
        .append(" round is served by a model trained on every log before it, and its customers react to what was")
        .append(" executed.</p>");
    h.append("<h2>Defect rate per round</h2>").append(defectCurve(rows));
    h.append("<h2>Rewrites per round: wins and losses (scored with truth)</h2>").append(outcomeBars(rows));
    h.append("<h2>Every figure</h2><table><tr><th>round</th><th>turns</th><th>defect rate</th><th>rewrites</th>")
        .append("<th>wins</th><th>losses</th><th>table</th><th>precomputed w/l</th><th>personal w/l</th>")
        .append("<th>global w/l</th><th>harmful rewrites / losses</th></tr>");
    String td = "</td><td class=\"n\">";
    for (Map<String, Object> r : rows) {
      h.append("<tr><td>").append(r.get("round")).append(td).append(r.get("turns")).append(td)
          .append(pct(num(r, "defectRate"))).append(td).append(r.get("rewrites")).append(td).append(r.get("wins"))
          .append(td).append(r.get("losses")).append(td).append(r.get("tableSize"));
      Map<?, ?> by = (Map<?, ?>) r.get("bySource");
      for (String s : new String[] {"PRECOMPUTED", "PERSONAL", "GLOBAL"}) {
        Map<?, ?> x = (Map<?, ?>) by.get(s);
        h.append(td).append(x.get("wins")).append(" / ").append(x.get("losses"));
      }
      Map<?, ?> harm = (Map<?, ?>) r.get("harmful");
      h.append(td).append(harm == null ? "" : harm.get("rewrites") + " / " + harm.get("losses")
          + (Boolean.TRUE.equals(r.get("harmfulInTable")) ? " (in table)" : "")).append("</td></tr>");
    }
    h.append("</table></body></html>\n");
    org.selflearn.rewriter.offline.io.Directories.writeText(file, h);
  }

  /** The defect rate per round as a line with its points, on a y axis from 0 to a little above the highest rate. */
  static String defectCurve(List<Map<String, Object>> rows) {
    double max = 0;
    for (Map<String, Object> r : rows) {
      max = Math.max(max, num(r, "defectRate"));
    }
    double top = Math.max(0.01, Math.ceil(max * 20) / 20); // next 5%
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
        "<svg width=\"%d\" height=\"%d\" role=\"img\">", WIDTH, HEIGHT));
    s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>",
        LEFT, TOP + PLOT_H, LEFT + PLOT_W, TOP + PLOT_H));
    s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>",
        LEFT, TOP, LEFT, TOP + PLOT_H));
    for (int k = 0; k <= 4; k++) {
      double v = top * k / 4;
      int y = y(v, top);
      s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#eee\"/>"
          + "<text x=\"4\" y=\"%d\" font-size=\"11\">%s</text>", LEFT + 1, y, LEFT + PLOT_W, y, y + 4, pct(v)));
    }
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < rows.size(); i++) {
      int x = x(i, rows.size());
      int y = y(num(rows.get(i), "defectRate"), top);
      points.append(i == 0 ? "" : " ").append(x).append(',').append(y);
      s.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"#36c\"/>"
          + "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>"
          + "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">round %s</text>", x, y, x, y - 8,
          pct(num(rows.get(i), "defectRate")), x, TOP + PLOT_H + 16, rows.get(i).get("round")));
    }
    s.append("<polyline fill=\"none\" stroke=\"#36c\" stroke-width=\"2\" points=\"").append(points).append("\"/>");
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">round 0: no rewriter</text>",
        LEFT, HEIGHT - 6));
    return s.append("</svg>").toString();
  }

  /** Wins (green) and losses (red) per round, side by side. */
  static String outcomeBars(List<Map<String, Object>> rows) {
    double max = 1;
    for (Map<String, Object> r : rows) {
      max = Math.max(max, Math.max(num(r, "wins"), num(r, "losses")));
    }
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
        "<svg width=\"%d\" height=\"%d\" role=\"img\">", WIDTH, HEIGHT));
    s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>",
        LEFT, TOP + PLOT_H, LEFT + PLOT_W, TOP + PLOT_H));
    for (int i = 0; i < rows.size(); i++) {
      int x = x(i, rows.size());
      double wins = num(rows.get(i), "wins");
      double losses = num(rows.get(i), "losses");
      int hw = (int) Math.round(PLOT_H * wins / max);
      int hl = (int) Math.round(PLOT_H * losses / max);
      s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"16\" height=\"%d\" fill=\"#3a3\"/>"
          + "<rect x=\"%d\" y=\"%d\" width=\"16\" height=\"%d\" fill=\"#c33\"/>"
          + "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%d / %d</text>"
          + "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">round %s</text>",
          x - 17, TOP + PLOT_H - hw, hw, x + 1, TOP + PLOT_H - hl, hl, x, TOP + PLOT_H - Math.max(hw, hl) - 4,
          (long) wins, (long) losses, x, TOP + PLOT_H + 16, rows.get(i).get("round")));
    }
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">green: wins, red: losses"
        + " (wins / losses above each round)</text>", LEFT, HEIGHT - 6));
    return s.append("</svg>").toString();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rows(Map<String, Object> report) {
    return (List<Map<String, Object>>) report.get("perRound");
  }

  private static int x(int i, int n) {
    return LEFT + (int) Math.round(PLOT_W * (i + 0.5) / n);
  }

  private static int y(double v, double top) {
    return TOP + PLOT_H - (int) Math.round(PLOT_H * v / top);
  }

  private static double num(Map<?, ?> m, String key) {
    return m.get(key) instanceof Number n ? n.doubleValue() : 0;
  }

  private static String pct(double v) {
    return String.format(Locale.ROOT, "%.1f%%", v * 100);
  }
}
