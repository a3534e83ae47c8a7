package org.selflearn.rewriter.offline.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The user's terminal. Progress goes to {@link #err()}, results to {@link #out()}. When {@link LogFile} sends
 * {@code System.err} (and with it every library's logging) to a file, these still reach the terminal.
 */
final class Console {
  private static volatile PrintStream out; // null: System.out as it is now
  private static volatile PrintStream err; // null: System.err as it is now

  private Console() {}

  static void use(PrintStream newOut, PrintStream newErr) {
    out = newOut;
    err = newErr;
  }

  static PrintStream out() {
    PrintStream o = out;
    return o != null ? o : System.out;
  }

  static PrintStream err() {
    PrintStream e = err;
    return e != null ? e : System.err;
  }

  /** One progress line on the terminal: {@code command: message}. */
  static void progress(String command, String message) {
    err().println(command + ": " + message);
  }

  /** A small map as {@code key value, key value} (never Java's {@code {k=v}}); nested maps in parentheses. */
  static String inline(Map<?, ?> map) {
    StringJoiner j = new StringJoiner(", ");
    map.forEach((k, v) -> j.add(k + " " + value(v)));
    return j.length() == 0 ? "none" : j.toString();
  }

  /** A ratio such as win/loss, always with one decimal ({@code 126.6}, {@code 140.0}), so columns read alike. */
  static String ratio(Object v) {
    return v instanceof Number n ? String.format(Locale.ROOT, "%,.1f", n.doubleValue()) : value(v);
  }

  static String value(Object v) {
    if (v == null) {
      return "–";
    }
    if (v instanceof Map<?, ?> m) {
      return "(" + inline(m) + ")";
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return String.format(Locale.ROOT, "%,.0f", d);
      }
      String t = String.format(Locale.ROOT, "%,.3f", d);
      return t.replaceAll("0+$", "");
    }
    if (v instanceof Long || v instanceof Integer) {
      return String.format(Locale.ROOT, "%,d", ((Number) v).longValue());
    }
    return String.valueOf(v);
  }

  /** A share as a percentage with one decimal. */
  static String pct(Object share) {
    return share instanceof Number n ? String.format(Locale.ROOT, "%.1f%%", n.doubleValue() * 100) : "–";
  }
}
