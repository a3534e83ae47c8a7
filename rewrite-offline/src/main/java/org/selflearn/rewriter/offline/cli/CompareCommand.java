package org.selflearn.rewriter.offline.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.selflearn.rewriter.offline.compare.Bootstrap;
import org.selflearn.rewriter.offline.compare.CompareHtml;
import org.selflearn.rewriter.offline.compare.CompareJob;
import org.selflearn.rewriter.offline.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./rewrite compare --baseline A --candidate B --logs FILE --report R.json [--html F]}. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Replay the same logged turns through two models and decide between them: figures of both and of"
        + " their paired difference with 95% intervals from a bootstrap over customers, a verdict (better, worse,"
        + " no-difference), slices with the worst named, and the rewrites the candidate gained and lost. Exit 0"
        + " whatever the verdict.")
final class CompareCommand implements Callable<Integer> {
  @Mixin
  ConfigOption config;

  @Option(names = "--baseline", required = true, paramLabel = "MODEL_A", description = "The model in service.")
  Path baseline;

  @Option(names = "--candidate", required = true, paramLabel = "MODEL_B", description = "The model to decide on.")
  Path candidate;

  @Option(names = "--logs", required = true, paramLabel = "FILE", description = "Logs to replay (.jsonl[.gz]).")
  Path logs;

  @Option(names = "--report", required = true, paramLabel = "R.json", description = "Report to write.")
  Path report;

  @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML report.")
  Path html;

  @Option(names = "--resamples", defaultValue = "1000", description = "Bootstrap resamples (default: 1000).")
  int resamples;

  @Option(names = "--seed", defaultValue = "19", description = "Seed of the bootstrap (default: 19).")
  long seed;

  @Option(names = "--threads", defaultValue = "0", description = "Replay threads (default: one per core).")
  int threads;

  @Override
  public Integer call() {
    InputFiles.existingFile(logs, "--logs");
    if (resamples < 20) {
      throw new BadInputException("--resamples: " + resamples + " is too few for a 95% interval (at least 20)");
    }
    threads = InputFiles.threads(threads);
    InputFiles.outputFile(report, "--report");
    InputFiles.outputFile(html, "--html");
    var c = config.load();
    ModelCheck.forRewriter(baseline, "--baseline");
    ModelCheck.forRewriter(candidate, "--candidate");
    CompareJob.Result r = new CompareJob(c, threads, new Bootstrap(resamples, seed),
        m -> Console.progress("compare", m)).run(baseline, candidate, logs);
    Json.write(report, r.report());
    if (html != null) {
      CompareHtml.write(html, r.report());
    }
    print(r.report(), Console.out());
    Console.out().println("report written to " + report + (html == null ? "" : " and " + html));
    return 0;
  }

  private static void print(Map<String, Object> r, PrintStream out) {
    out.println("verdict: " + r.get("verdict") + " (" + r.get("turns") + " turns, " + r.get("customers")
        + " customers, scored by " + r.get("scoring") + ")");
    if (r.get("worstSlice") instanceof Map<?, ?> w) {
      out.println("worst slice: " + w.get("slice") + ", defect reduction difference "
          + points(((Map<?, ?>) w.get("difference")).get("defectReduction")));
    }
    TextTable t = new TextTable("  ", "", "triggered", "wins", "losses", "win/loss [95%]", "defect reduction [95%]");
    for (String k : new String[] {"baseline", "candidate"}) {
      Map<?, ?> m = (Map<?, ?>) r.get(k);
      t.row(k, m.get("triggered"), m.get("wins"), m.get("losses"), ratio(m.get("winLossRatio")),
          percent(m.get("defectReduction")));
    }
    Map<?, ?> d = (Map<?, ?>) r.get("difference");
    t.row("difference", "", d.get("wins"), d.get("losses"), ratio(d.get("winLossRatio")),
        points(d.get("defectReduction")));
    t.print(out);
    if (r.get("whatChanged") instanceof Map<?, ?> w) {
      out.println("what changed: " + w.get("turnsChanged") + " turns, " + w.get("wins") + " now right, "
          + w.get("losses") + " now wrong");
    }
  }

  /** A ratio with its interval, one decimal as every ratio on the console ({@code 44.1 [15.2, 664.0]}). */
  private static String ratio(Object o) {
    Map<?, ?> m = (Map<?, ?>) o;
    return Console.ratio(m.get("estimate")) + " [" + Console.ratio(m.get("low")) + ", " + Console.ratio(m.get("high"))
        + "]";
  }

  /** A share with its interval in percent ({@code 41.6% [37.0%, 45.9%]}). */
  private static String percent(Object o) {
    Map<?, ?> m = (Map<?, ?>) o;
    return Console.pct(m.get("estimate")) + " [" + Console.pct(m.get("low")) + ", " + Console.pct(m.get("high")) + "]";
  }

  /** A difference of shares with its interval in percentage points ({@code +37.6 pt [+33.3, +41.8]}). */
  private static String points(Object o) {
    Map<?, ?> m = (Map<?, ?>) o;
    return String.format(java.util.Locale.ROOT, "%+.1f pt [%+.1f, %+.1f]", 100 * num(m.get("estimate")),
        100 * num(m.get("low")), 100 * num(m.get("high")));
  }

  private static double num(Object o) {
    return ((Number) o).doubleValue();
  }
}
