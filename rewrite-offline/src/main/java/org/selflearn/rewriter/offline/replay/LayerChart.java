package org.selflearn.rewriter.offline.replay;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.selflearn.rewriter.offline.io.Html;

/**
 * The layer-by-layer ablation of a replay ({@code layers} in the report) as a standalone SVG: one bar per cumulative
 * set of layers in serving order (table; plus own history; plus ranked personal; plus ranked global), its wins split
 * by the source that made them and its losses in red, labelled with the defect reduction. Standalone (it carries its
 * own namespace), so the same picture sits in the HTML report and can be saved beside the README.
 */
public final class LayerChart {
  private static final List<String> SOURCES = List.of("PRECOMPUTED", "PERSONAL", "GLOBAL");
  private static final List<String> COLOURS = List.of("#57a", "#2a7", "#e90");
  private static final int LABEL_WIDTH = 170;
  private static final int BAR_WIDTH = 420;
  private static final int ROW = 34;

  private LayerChart() {}

  /** The chart, or an empty string when the report has no layer-by-layer rows. */
  public static String svg(Map<String, Object> report, String title) {
    if (!(report.get("layers") instanceof Map<?, ?> layers) || layers.isEmpty()) {
      return "";
    }
    long max = 1;
    for (Object v : layers.values()) {
      max = Math.max(max, count(v, "wins") + count(v, "losses"));
    }
    int height = 60 + layers.size() * ROW;
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
        + "width=\"980\" height=\"%d\" font-family=\"sans-serif\" font-size=\"13\" role=\"img\">"
        + "<rect width=\"980\" height=\"%d\" fill=\"#fff\"/><text x=\"0\" y=\"16\" font-weight=\"bold\">%s</text>",
        height, height, Html.escape(title)));
    int y = 30;
    for (Map.Entry<?, ?> row : layers.entrySet()) {
      Map<?, ?> r = (Map<?, ?>) row.getValue();
      s.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>", y + 17,
          Html.escape(String.valueOf(row.getKey()))));
      int x = LABEL_WIDTH;
      Map<?, ?> by = r.get("bySource") instanceof Map<?, ?> b ? b : Map.of();
      for (int i = 0; i < SOURCES.size(); i++) {
        int w = width(count(by.get(SOURCES.get(i)), "wins"), max);
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"24\" fill=\"%s\"/>", x, y,
            w, COLOURS.get(i)));
        x += w;
      }
      int lw = width(count(r, "losses"), max);
      s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"24\" fill=\"#c33\"/>"
          + "<text x=\"%d\" y=\"%d\">%d wins / %d losses, %s fewer defects</text>", x, y, lw, x + lw + 6, y + 17,
          count(r, "wins"), count(r, "losses"), pct(r.get("defectReduction"))));
      y += ROW;
    }
    int x = LABEL_WIDTH;
    for (int i = 0; i < SOURCES.size(); i++) {
      s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
          + "<text x=\"%d\" y=\"%d\">%s wins</text>", x, y + 6, COLOURS.get(i), x + 16, y + 17, SOURCES.get(i)));
      x += 175;
    }
    s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"#c33\"/>"
        + "<text x=\"%d\" y=\"%d\">losses</text>", x, y + 6, x + 16, y + 17));
    return s.append("</svg>").toString();
  }

  private static int width(long n, long max) {
    return (int) Math.round((double) BAR_WIDTH * n / max);
  }

  private static long count(Object m, String key) {
    return m instanceof Map<?, ?> x && x.get(key) instanceof Number n ? n.longValue() : 0;
  }

  private static String pct(Object share) {
    return share instanceof Number n ? String.format(Locale.ROOT, "%.1f%%", 100 * n.doubleValue()) : "–";
  }
}
