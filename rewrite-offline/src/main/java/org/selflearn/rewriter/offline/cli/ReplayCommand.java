package org.selflearn.rewriter.offline.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.selflearn.rewriter.offline.compare.Bootstrap;
import org.selflearn.rewriter.offline.compare.ReplaySlices;
import org.selflearn.rewriter.offline.io.Json;
import org.selflearn.rewriter.offline.replay.HtmlReport;
import org.selflearn.rewriter.offline.replay.ReplayJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./rewrite replay --model DIR --logs FILE --report REPORT.json [--decisions FILE] [--html FILE]}. */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Replay logged sessions through the online rewriter in time order and score it: REPORT.json,"
        + " optional decisions (one JSON line per event) and an HTML report. The input format, the scoring rules"
        + " and the report's keys are in docs/log-format.md.")
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

  @Option(names = "--threads", defaultValue = "0",
      description = "Replay threads; each customer's turns stay in time order on one (default: one per core, so the"
          + " latency figures are those of a service answering one request per core).")
  int threads;

  /** Resamples of the customer bootstrap behind the slices' intervals, and its seed (both in the report). */
  static final int SLICE_RESAMPLES = 1_000;
  static final long SLICE_SEED = 19;

  /**
   * The report with the worst slice first and every slice's figures with 95% intervals (device, NLU domain,
   * recogniser-confidence bucket, new or established customer, hour of day; bootstrap over customers).
   */
  static Map<String, Object> withSlices(ReplayJob.Result r) {
    Map<String, Object> slices = ReplaySlices.of(r.turns(), r.decisions(),
        new Bootstrap(SLICE_RESAMPLES, SLICE_SEED));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("worstSlice", slices.get("worstSlice"));
    out.putAll(r.report());
    out.put("slices", slices);
    return out;
  }

  @Override
  public Integer call() {
    InputFiles.existingFile(logs, "--logs");
    threads = InputFiles.threads(threads);
    InputFiles.outputFile(report, "--report");
    InputFiles.outputFile(decisions, "--decisions");
    InputFiles.outputFile(html, "--html");
    var c = config.load();
    ModelCheck.forRewriter(model, "--model");
    ReplayJob.Result r = new ReplayJob(c, threads, m -> Console.progress("replay", m)).run(model, logs, baselines);
    Map<String, Object> sliced = withSlices(r);
    Json.write(report, sliced);
    if (decisions != null) {
      ReplayJob.writeDecisions(decisions, r.decisions());
    }
    if (html != null) {
      @SuppressWarnings("unchecked")
      Map<String, Object> slices = (Map<String, Object>) sliced.get("slices");
      HtmlReport.write(html, r.report(), r.turns(), r.decisions(), ReplaySlices.htmlSection(slices));
    }
    if (sliced.get("worstSlice") instanceof Map<?, ?> worst) {
      Map<?, ?> red = worst.get("defectReduction") instanceof Map<?, ?> m ? m : Map.of();
      String name = String.valueOf(worst.get("slice")).replaceFirst("=", " ").replace(">=", "≥");
      Console.out().println("worst slice: " + name + ", " + Console.value(worst.get("turns"))
          + " turns, defect reduction " + Console.pct(red.get("estimate")) + " [" + Console.pct(red.get("low"))
          + ", " + Console.pct(red.get("high")) + "] (95%, bootstrap over customers; every slice in the report)");
    }
    ReportText.print(r.report(), Console.out());
    Console.out().println("report written to " + report + (html == null ? "" : " and " + html));
    return 0;
  }
}
