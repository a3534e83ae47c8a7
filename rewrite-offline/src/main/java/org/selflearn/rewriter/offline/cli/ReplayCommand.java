package org.selflearn.rewriter.offline.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.selflearn.rewriter.offline.io.Json;
import org.selflearn.rewriter.offline.replay.HtmlReport;
import org.selflearn.rewriter.offline.replay.ReplayJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./rewrite replay --model DIR --logs FILE --report REPORT.json [--decisions FILE] [--html FILE]}. */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Replay logged sessions through the online rewriter in time order and score it (log-format.md):"
        + " REPORT.json, optional decisions (one JSON line per event) and an HTML report.")
final class ReplayCommand implements Callable<Integer> {
  @Mixin
  ConfigOption config;

  @Option(names = "--model", required = true, paramLabel = "MODEL_DIR", description = "Output of ./rewrite train.")
  Path model;

  @Option(names = "--logs", required = true, paramLabel = "FILE", description = "Logs to replay (.jsonl[.gz]).")
  Path logs;

  @Option(names = "--report", required = true, paramLabel = "REPORT.json", description = "Report to write.")
  Path report;

  @Option(names = "--decisions", paramLabel = "FILE", description = "Write one decision per event (JSON lines).")
  Path decisions;

  @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML report.")
  Path html;

  @Option(names = "--baselines", description = "Also score the baselines and ablations on the same turns.")
  boolean baselines;

  @Option(names = "--threads", defaultValue = "4",
      description = "Replay threads; each customer's turns stay in time order on one (default ${DEFAULT-VALUE}).")
  int threads;

  @Override
  public Integer call() {
    InputFiles.existingDir(model, "--model");
    InputFiles.existingFile(logs, "--logs");
    ReplayJob.Result r = new ReplayJob(config.load(), threads, m -> System.err.println("replay: " + m))
        .run(model, logs, baselines);
    Json.write(report, r.report());
    if (decisions != null) {
      ReplayJob.writeDecisions(decisions, r.decisions());
    }
    if (html != null) {
      HtmlReport.write(html, r.report(), r.turns(), r.decisions());
    }
    Map<String, Object> m = r.report();
    for (String k : new String[] {"turns", "triggered", "wins", "losses", "neutral", "winLossRatio",
        "defectRateBefore", "defectRateAfter", "defectReduction", "bySource", "latencyMicros", "eventsPerSecond"}) {
      System.out.printf("%-18s %s%n", k, m.get(k));
    }
    if (baselines) {
      System.out.println("baselines          " + m.get("baselines"));
      System.out.println("ablations          " + m.get("ablations"));
    }
    System.out.println("report written to " + report);
    return 0;
  }
}
