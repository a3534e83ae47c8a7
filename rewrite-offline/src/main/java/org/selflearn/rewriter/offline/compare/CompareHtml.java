package org.selflearn.rewriter.offline.compare;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.selflearn.rewriter.offline.io.Directories;
import org.selflearn.rewriter.offline.io.Html;

/**
 * The comparison as a self-contained HTML page (inline SVG, no scripts, well-formed XML): the verdict and the worst
 * slice, the figures of both models and their difference with intervals, a forest plot of every slice's
 * defect-reduction difference, the daily defect rate of both models, and the "what changed" tables.
 */
public final class CompareHtml {
  private CompareHtml() {}

  public static void write(Path file, Map<String, Object> report) {
    StringBuilder h = new StringBuilder(64_000);
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"/><title>Model comparison</title>")
        .append("<style>body{font:14px system-ui,sans-serif;margin:24px;color:#222;max-width:1100px}")
        .append("table{border-collapse:collapse;margin:8px 0 20px}td,th{border:1px solid #ccc;padding:4px 8px;")
        .append("text-align:left}th{background:#f3f3f3}.n{text-align:right}</style></head><body>")
        .append("<h1>Model comparison: ").append(Html.escape(String.valueOf(report.get("verdict")))).append("</h1>");
    h.append("<p>Baseline ").append(Html.escape(String.valueOf(report.get("baselineModel")))).append(", candidate ")
        .append(Html.escape(String.valueOf(report.get("candidateModel")))).append(", ").append(report.get("turns"))
        .append(" turns of ").append(report.get("customers")).append(" customers, scored by ")
        .append(Html.escape(String.valueOf(report.get("scoring")))).append(". Rule: ")
        .append(Html.escape(String.valueOf(report.get("verdictRule")))).append(".</p>");
    if (report.get("worstSlice") instanceof Map<?, ?> w) {
      h.append("<p><b>Worst slice: ").append(Html.escape(String.valueOf(w.get("slice")))).append("</b>, defect")
          .append(" reduction difference ").append(interval(((Map<?, ?>) w.get("difference")).get("defectReduction")))
          .append(".</p>");
    }
    h.append("<table><tr><th></th><th>triggered</th><th>wins</th><th>losses</th><th>win/loss [95%]</th>")
        .append("<th>defect reduction [95%]</th></tr>");
    for (String k : List.of("baseline", "candidate", "difference")) {
      Map<?, ?> m = (Map<?, ?>) report.get(k);
      h.append("<tr><td>").append(k).append("</td><td class=\"n\">").append(Html.escape(str(m.get("triggered"))))
          .append("</td><td class=\"n\">").append(m.get("wins")).append("</td><td class=\"n\">")
          .append(m.get("losses")).append("</td><td class=\"n\">").append(interval(m.get("winLossRatio")))
          .append("</td><td class=\"n\">").append(interval(m.get("defectReduction"))).append("</td></tr>");
    }
    h.append("</table><h2>Slices: defect-reduction difference (candidate − baseline), 95% intervals</h2>")
        .append(CompareCharts.forest(report));
    h.append("<h2>Defect rate per day</h2>").append(CompareCharts.daily(report));
    if (report.get("whatChanged") instanceof Map<?, ?> w) {
      h.append("<h2>What changed</h2><p>").append(w.get("turnsChanged")).append(" turns rewritten differently: ")
          .append(w.get("wins")).append(" now right that the baseline got wrong, ").append(w.get("losses"))
          .append(" now wrong that the baseline got right.</p>");
      h.append("<h3>Rewrites the candidate gained</h3>").append(changed(w.get("gained")));
      h.append("<h3>Rewrites the candidate lost</h3>").append(changed(w.get("lost")));
    }
    h.append("</body></html>\n");
    Directories.writeText(file, h);
  }

  private static String changed(Object rows) {
    StringBuilder t = new StringBuilder("<table><tr><th>rewrite</th><th>source</th><th>turns</th><th>wins</th>"
        + "<th>losses</th></tr>");
    if (rows instanceof List<?> list) {
      list.stream().limit(25).forEach(o -> {
        Map<?, ?> r = (Map<?, ?>) o;
        t.append("<tr><td>").append(Html.escape(str(r.get("rewrite")))).append("</td><td>")
            .append(Html.escape(str(r.get("source")))).append("</td><td class=\"n\">").append(r.get("turns"))
            .append("</td><td class=\"n\">").append(r.get("wins")).append("</td><td class=\"n\">")
            .append(r.get("losses")).append("</td></tr>");
      });
    }
    return t.append("</table>").toString();
  }

  static String interval(Object o) {
    if (!(o instanceof Map<?, ?> m)) {
      return "";
    }
    return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", num(m.get("estimate")), num(m.get("low")),
        num(m.get("high")));
  }

  static double num(Object o) {
    return o instanceof Number n ? n.doubleValue() : 0;
  }

  private static String str(Object o) {
    return o == null ? "" : String.valueOf(o);
  }
}
