package org.selflearn.rewriter.offline.solve;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.markov.RewriteDecision;
import org.selflearn.rewriter.offline.mining.MinedStats;
import org.selflearn.rewriter.offline.io.Html;

/**
 * The absorbing chain around one request: the states within two rephrase steps, their transition probabilities to
 * each other and to SUCCESS/FAILURE, their absorption probabilities, and the selection decisions for the request,
 * rendered as text, Graphviz DOT, or a self-contained SVG.
 */
public final class ChainExplanation {
  private static final String SUCCESS = "SUCCESS";
  private static final String FAILURE = "FAILURE";
  private final String request;
  private final List<String> states = new ArrayList<>();
  private final Map<String, Integer> depth = new LinkedHashMap<>();
  private final Map<String, Map<String, Double>> edges = new LinkedHashMap<>();
  private final Map<String, Double> absorption;
  private final Map<String, MinedStats.StateRow> rows;
  private final List<RewriteDecision> decisions = new ArrayList<>();

  public ChainExplanation(String request, MinedStats stats, SolveResult solved, RewriterConfig config) {
    this.request = request;
    this.absorption = solved.absorption();
    this.rows = stats.states();
    Map<String, List<MinedStats.TransitionRow>> out = new HashMap<>();
    Map<String, List<MinedStats.TransitionRow>> in = new HashMap<>();
    for (MinedStats.TransitionRow t : stats.transitions()) {
      out.computeIfAbsent(t.from(), k -> new ArrayList<>()).add(t);
      in.computeIfAbsent(t.to(), k -> new ArrayList<>()).add(t);
    }
    Deque<String> queue = new ArrayDeque<>();
    if (rows.containsKey(request)) {
      depth.put(request, 0);
      queue.add(request);
    }
    while (!queue.isEmpty() && depth.size() < 40) {
      String s = queue.poll();
      int d = depth.get(s);
      if (Math.abs(d) >= 2) {
        continue;
      }
      for (MinedStats.TransitionRow t : out.getOrDefault(s, List.of())) {
        if (depth.putIfAbsent(t.to(), d + 1) == null) {
          queue.add(t.to());
        }
      }
      if (d <= 0) {
        for (MinedStats.TransitionRow t : in.getOrDefault(s, List.of())) {
          if (depth.putIfAbsent(t.from(), d - 1) == null) {
            queue.add(t.from());
          }
        }
      }
    }
    states.addAll(depth.keySet());
    double smoothing = config.get(ConfigKeys.SMOOTHING);
    Set<String> inView = new LinkedHashSet<>(states);
    for (String s : states) {
      MinedStats.StateRow r = rows.get(s);
      double total = r.successes() + r.endFailures() + smoothing;
      List<MinedStats.TransitionRow> o = out.getOrDefault(s, List.of());
      for (MinedStats.TransitionRow t : o) {
        total += t.count();
      }
      Map<String, Double> e = new LinkedHashMap<>();
      for (MinedStats.TransitionRow t : o) {
        if (inView.contains(t.to())) {
          e.put(t.to(), t.count() / total);
        }
      }
      e.put(SUCCESS, r.successes() / total);
      e.put(FAILURE, (r.endFailures() + smoothing) / total);
      edges.put(s, e);
    }
    for (RewriteDecision d : solved.decisions()) {
      if (d.source().equals(request)) {
        decisions.add(d);
      }
    }
  }

  public boolean known() {
    return !states.isEmpty();
  }

  public String toText() {
    StringBuilder sb = new StringBuilder();
    if (!known()) {
      return "\"" + request + "\" was never seen in the mined logs\n";
    }
    sb.append("states around \"").append(request).append("\" (turns, own successes, P(end in SUCCESS)):\n");
    for (String s : states) {
      MinedStats.StateRow r = rows.get(s);
      sb.append(String.format(Locale.ROOT, "  %+d  %-48s %6d turns %6d ok  P(success)=%.3f%n", depth.get(s), s,
          r.turns(), r.successes(), absorption.getOrDefault(s, 0.0)));
      for (Map.Entry<String, Double> e : edges.get(s).entrySet()) {
        if (e.getValue() >= 0.005) {
          sb.append(String.format(Locale.ROOT, "        → %-45s %.3f%n", e.getKey(), e.getValue()));
        }
      }
    }
    sb.append("decisions for \"").append(request).append("\":\n");
    if (decisions.isEmpty()) {
      sb.append("  none: nobody rephrased it into anything\n");
    }
    for (RewriteDecision d : decisions) {
      sb.append(String.format(Locale.ROOT, "  %-5s %-45s %-20s support %d, customers %d, source success %.3f,"
          + " P(success at target) %.3f, bound %.3f, gain %.3f, dominance %.2f%n", d.kept() ? "KEEP" : "drop",
          d.target(), d.reason(), d.support(), d.customers(), d.sourceSuccess(), d.targetSuccess(), d.bound(),
          d.gain(), d.dominance()));
    }
    return sb.toString();
  }

  public String toDot() {
    StringBuilder sb = new StringBuilder("digraph chain {\n  rankdir=LR;\n  node [shape=box, style=rounded];\n");
    sb.append("  \"SUCCESS\" [shape=doublecircle, color=darkgreen];\n  \"FAILURE\" [shape=doublecircle, color=red];\n");
    for (String s : states) {
      sb.append(String.format(Locale.ROOT, "  \"%s\" [label=\"%s\\nP(success)=%.2f\"%s];%n", s, s,
          absorption.getOrDefault(s, 0.0), s.equals(request) ? ", penwidth=2" : ""));
    }
    edges.forEach((from, e) -> e.forEach((to, p) -> {
      if (p >= 0.005) {
        sb.append(String.format(Locale.ROOT, "  \"%s\" -> \"%s\" [label=\"%.2f\"];%n", from, to, p));
      }
    }));
    return sb.append("}\n").toString();
  }

  public String toSvg() {
    Map<Integer, List<String>> columns = new java.util.TreeMap<>();
    for (String s : states) {
      columns.computeIfAbsent(depth.get(s), k -> new ArrayList<>()).add(s);
    }
    int colWidth = 300;
    int rowHeight = 56;
    Map<String, int[]> pos = new HashMap<>();
    int c = 0;
    int maxRows = 2;
    for (List<String> col : columns.values()) {
      for (int r = 0; r < col.size(); r++) {
        pos.put(col.get(r), new int[] {20 + c * colWidth, 20 + r * rowHeight});
      }
      maxRows = Math.max(maxRows, col.size());
      c++;
    }
    pos.put(SUCCESS, new int[] {20 + c * colWidth, 20});
    pos.put(FAILURE, new int[] {20 + c * colWidth, 20 + rowHeight * 2});
    int width = 20 + (c + 1) * colWidth;
    int height = 40 + Math.max(3, maxRows) * rowHeight;
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
        + "width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\"><defs><marker id=\"a\" "
        + "viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\">"
        + "<path d=\"M0,0L10,5L0,10z\" fill=\"#666\"/></marker></defs>", width, height));
    edges.forEach((from, e) -> e.forEach((to, p) -> {
      if (p >= 0.01) {
        int[] a = pos.get(from);
        int[] b = pos.get(to);
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
            + "stroke-width=\"%.1f\" marker-end=\"url(#a)\" opacity=\"0.7\"/><text x=\"%d\" y=\"%d\" fill=\"#555\">"
            + "%.2f</text>", a[0] + 220, a[1] + 18, b[0], b[1] + 18, to.equals(SUCCESS) ? "#2a7"
            : to.equals(FAILURE) ? "#c33" : "#666", 0.5 + 3 * p, (a[0] + 220 + b[0]) / 2, (a[1] + b[1]) / 2 + 14,
            p));
      }
    }));
    for (Map.Entry<String, int[]> e : pos.entrySet()) {
      String s = e.getKey();
      int[] p = e.getValue();
      boolean absorbing = s.equals(SUCCESS) || s.equals(FAILURE);
      sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"220\" height=\"36\" rx=\"8\" "
          + "fill=\"%s\" stroke=\"%s\" stroke-width=\"%d\"/><text x=\"%d\" y=\"%d\">%s</text>", p[0], p[1],
          absorbing ? (s.equals(SUCCESS) ? "#dfd" : "#fdd") : "#f7f7ff", s.equals(request) ? "#000" : "#99a",
          s.equals(request) ? 2 : 1, p[0] + 6, p[1] + 15,
          Html.escape(s.length() > 36 ? s.substring(0, 35) + "…" : s)));
      if (!absorbing) {
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#555\">P(success)=%.2f</text>",
            p[0] + 6, p[1] + 30, absorption.getOrDefault(s, 0.0)));
      }
    }
    return sb.append("</svg>\n").toString();
  }
}
