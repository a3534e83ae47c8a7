package org.selflearn.rewriter.offline.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.selflearn.rewriter.offline.io.Html;

/** The inline SVG charts of {@link CompareHtml}: a forest plot of the slices and the daily defect rates. */
final class CompareCharts {
  private static final int LABEL = 200;
  private static final int PLOT = 560;
  private static final int ROW = 18;

  private CompareCharts() {}

  /** One row per slice (and "all" first): the estimate as a dot, the 95% interval as a line, 0 dashed. */
  static String forest(Map<String, Object> report) {
    List<Object[]> rows = new ArrayList<>(); // name, interval map
    rows.add(new Object[] {"all", ((Map<?, ?>) report.get("difference")).get("defectReduction")});
    if (report.get("slices") instanceof Map<?, ?> dims) {
      dims.forEach((dim, values) -> ((Map<?, ?>) values).forEach((value, s) -> rows.add(new Object[] {
          dim + "=" + value + " (" + ((Map<?, ?>) s).get("turns") + ")",
          ((Map<?, ?>) ((Map<?, ?>) s).get("difference")).get("defectReduction")})));
    }
    return forest(rows);
  }

  /** The same plot for one model's replay slices ({@link ReplaySlices}): its defect reduction per slice. */
  static String replayForest(Map<String, Object> replaySlices) {
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {"all", ((Map<?, ?>) replaySlices.get("overall")).get("defectReduction")});
    if (replaySlices.get("slices") instanceof Map<?, ?> dims) {
      dims.forEach((dim, values) -> ((Map<?, ?>) values).forEach((value, s) -> rows.add(new Object[] {
          dim + "=" + value + " (" + ((Map<?, ?>) s).get("turns") + ")", ((Map<?, ?>) s).get("defectReduction")})));
    }
    return forest(rows);
  }

  private static String forest(List<Object[]> rows) {
    double lo = 0;
    double hi = 0;
    for (Object[] r : rows) {
      lo = Math.min(lo, CompareHtml.num(((Map<?, ?>) r[1]).get("low")));
      hi = Math.max(hi, CompareHtml.num(((Map<?, ?>) r[1]).get("high")));
    }
    if (hi - lo < 1e-9) {
      lo -= 0.01;
      hi += 0.01;
    }
    int height = 40 + rows.size() * ROW;
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "<svg "
        + "width=\"%d\" height=\"%d\" font-size=\"12\" role=\"img\">", LABEL + PLOT + 240, height));
    double x0 = x(0, lo, hi);
    s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\" stroke=\"#888\" "
        + "stroke-dasharray=\"4\"/>", x0, x0, height - 20));
    int y = 10;
    for (Object[] r : rows) {
      Map<?, ?> m = (Map<?, ?>) r[1];
      double e = CompareHtml.num(m.get("estimate"));
      double l = CompareHtml.num(m.get("low"));
      double h = CompareHtml.num(m.get("high"));
      String colour = h < 0 ? "#c33" : l > 0 ? "#2a7" : "#57a";
      s.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text><line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\""
          + " y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/><circle cx=\"%.1f\" cy=\"%d\" r=\"4\" fill=\"%s\"/>"
          + "<text x=\"%d\" y=\"%d\">%s</text>", y + 4, Html.escape(String.valueOf(r[0])), x(l, lo, hi), y,
          x(h, lo, hi), y, colour, x(e, lo, hi), y, colour, LABEL + PLOT + 8, y + 4,
          Html.escape(CompareHtml.interval(m))));
      y += ROW;
    }
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%.3f</text><text x=\"%d\" y=\"%d\" "
        + "text-anchor=\"end\">%.3f</text>", LABEL, height - 6, lo, LABEL + PLOT, height - 6, hi));
    return s.append("</svg>").toString();
  }

  private static double x(double v, double lo, double hi) {
    return LABEL + PLOT * (v - lo) / (hi - lo);
  }

  /** Defect rate per day: before any rewrite (grey), after the baseline (blue) and after the candidate (green). */
  static String daily(Map<String, Object> report) {
    if (!(report.get("daily") instanceof List<?> days) || days.isEmpty()) {
      return "";
    }
    double max = 0.01;
    for (Object d : days) {
      max = Math.max(max, CompareHtml.num(((Map<?, ?>) d).get("defectRateBefore")));
    }
    int width = 760;
    int height = 260;
    int left = 50;
    int plotH = 200;
    double step = days.size() == 1 ? 0 : (double) (width - left - 20) / (days.size() - 1);
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "<svg "
        + "width=\"%d\" height=\"%d\" font-size=\"12\" role=\"img\">", width, height));
    String[] keys = {"defectRateBefore", "baseline", "candidate"};
    String[] colours = {"#999", "#57a", "#2a7"};
    for (int k = 0; k < keys.length; k++) {
      StringBuilder pts = new StringBuilder();
      for (int i = 0; i < days.size(); i++) {
        double v = CompareHtml.num(((Map<?, ?>) days.get(i)).get(keys[k]));
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", left + i * step, 10 + plotH * (1 - v / max)));
      }
      s.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
          + "points=\"%s\"/><text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>", colours[k], pts.toString().strip(),
          left + k * 200, height - 8, colours[k], keys[k].equals("defectRateBefore") ? "before any rewrite"
              : "after the " + keys[k]));
    }
    for (int i = 0; i < days.size(); i++) {
      s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\">%s</text>", left + i * step - 14,
          plotH + 26, Html.escape(String.valueOf(((Map<?, ?>) days.get(i)).get("day")).substring(5))));
    }
    s.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"14\">%.0f%%</text><text x=\"0\" y=\"%d\">0%%</text>",
        100 * max, plotH + 10));
    return s.append("</svg>").toString();
  }
}
