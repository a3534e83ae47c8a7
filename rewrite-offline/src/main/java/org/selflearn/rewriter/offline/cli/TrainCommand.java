package org.selflearn.rewriter.offline.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.selflearn.rewriter.offline.train.TrainJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./rewrite train --logs FILE --out MODEL_DIR [--force]}. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Mine, solve and publish the rewrite table, build the global index and personal memories, and"
        + " train the ranker, all from one log file (file mode, no broker). First it calibrates itself: it holds out"
        + " the latest days of the logs, trains on the rest, replays the held-out turns judged by the customers' own"
        + " corrections, and chooses which layers serve (MODEL_DIR/calibration.json; calibration.* keys)."
        + " Writes MODEL_DIR/train-summary.json."
        + " The model is built in a temporary directory beside MODEL_DIR and moved into place when complete;"
        + " a non-empty MODEL_DIR is refused unless --force. Rejected lines go to MODEL_DIR/rejects.jsonl with"
        + " their reasons. Exit code 2 when the logs hold no valid event.")
final class TrainCommand implements Callable<Integer> {
  /** Rejected lines of the training logs, with reasons, inside the model directory. */
  static final String REJECTS = "rejects.jsonl";

  @Mixin
  ConfigOption config;

  @Option(names = "--logs", required = true, paramLabel = "FILE", description = "Training logs (.jsonl[.gz]).")
  Path logs;

  @Option(names = "--out", required = true, paramLabel = "MODEL_DIR", description = "Model directory to write.")
  Path out;

  @Option(names = "--force", description = "Replace a non-empty MODEL_DIR (swapped in once the new model is"
      + " complete).")
  boolean force;

  @Override
  public Integer call() throws java.io.IOException {
    InputFiles.existingFile(logs, "--logs");
    var c = config.load();
    ModelOutput output = ModelOutput.prepare(out, force);
    InputScan.requireValidEvent(logs, "--logs");
    Map<String, Object> summary;
    try {
      summary = new TrainJob(c, Clock.systemUTC(), msg -> Console.progress("train", msg))
          .train(logs, output.temporary());
      Object mining = summary.get("mining");
      if (mining instanceof Map<?, ?> m && m.get("rejected") instanceof Number n && n.longValue() > 0) {
        RejectsFile.writeAll(logs, output.temporary().resolve(REJECTS));
      }
      output.install();
    } finally {
      output.discard();
    }
    TrainSummaryText.print(summary, logs, out.resolve(REJECTS), Console.out());
    Console.out().println("model written to " + out + " (every figure in " + out.resolve("train-summary.json")
        + ")");
    return 0;
  }
}
