package org.selflearn.rewriter.offline.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.selflearn.rewriter.offline.train.TrainJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./rewrite train --logs FILE --out MODEL_DIR}. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Mine, solve and publish the rewrite table, build the global index and personal memories, and"
        + " train the ranker, all from one log file (file mode, no broker). Writes MODEL_DIR/train-summary.json.")
final class TrainCommand implements Callable<Integer> {
  @Mixin
  ConfigOption config;

  @Option(names = "--logs", required = true, paramLabel = "FILE", description = "Training logs (.jsonl[.gz]).")
  Path logs;

  @Option(names = "--out", required = true, paramLabel = "MODEL_DIR", description = "Model directory to write.")
  Path out;

  @Option(names = "--stats", paramLabel = "DIR",
      description = "Use these mined statistics (e.g. from the streaming job) instead of mining --logs for them.")
  Path stats;

  @Override
  public Integer call() {
    InputFiles.existingFile(logs, "--logs");
    if (stats != null) {
      InputFiles.existingDir(stats, "--stats");
    }
    Map<String, Object> summary = new TrainJob(config.load(), Clock.systemUTC(),
        msg -> System.err.println("train: " + msg)).trainFromStats(logs, stats, out);
    summary.forEach((k, v) -> System.out.printf("%-8s %s%n", k, v));
    System.out.println("model written to " + out);
    return 0;
  }
}
