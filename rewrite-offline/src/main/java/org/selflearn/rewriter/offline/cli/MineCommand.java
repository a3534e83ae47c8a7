package org.selflearn.rewriter.offline.cli;

import org.selflearn.rewriter.offline.io.Json;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.selflearn.rewriter.offline.mining.FileMiner;
import org.selflearn.rewriter.offline.mining.MiningSettings;
import org.selflearn.rewriter.offline.mining.RephraseEvaluation;
import org.selflearn.rewriter.offline.mining.StatValue;
import org.selflearn.rewriter.offline.mining.StatsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./rewrite mine --logs FILE --out DIR}. */
@Command(name = "mine", mixinStandardHelpOptions = true,
    description = "Mine rephrase chains from a log file (file mode, no broker): writes DIR/stats.tsv.gz (statistics"
        + " format 1) and DIR/mining-summary.json.")
final class MineCommand implements Callable<Integer> {
  @Mixin
  ConfigOption config;

  @Option(names = "--logs", required = true, paramLabel = "FILE", description = "Log file (.jsonl or .jsonl.gz).")
  Path logs;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Statistics directory.")
  Path out;

  @Option(names = "--evaluate-rephrases",
      description = "Also measure rephrase detection against the logs' truth (simulated logs): precision, recall.")
  boolean evaluate;

  @Override
  public Integer call() {
    InputFiles.existingFile(logs, "--logs");
    InputFiles.outputDir(out, "--out");
    RephraseEvaluation evaluation = evaluate ? new RephraseEvaluation(logs) : null;
    long t0 = System.nanoTime();
    FileMiner miner = new FileMiner(MiningSettings.from(config.load()));
    if (evaluation != null) {
      miner.onSession(evaluation);
    }
    miner.mine(logs, r -> { });
    Map<String, StatValue> stats = miner.finish();
    StatsFile.write(stats, out);
    Map<String, Object> summary = miner.summary().toMap();
    double seconds = (System.nanoTime() - t0) / 1e9;
    summary.put("seconds", Math.round(seconds * 100) / 100.0);
    summary.put("eventsPerSecond", Math.round(((Number) summary.get("events")).longValue() / seconds));
    if (evaluation != null) {
      summary.put("rephraseDetection", evaluation.result());
    }
    Json.write(out.resolve("mining-summary.json"), summary);
    summary.forEach((k, v) -> Console.out().printf("%-18s %s%n", k, v instanceof java.util.Map<?, ?> m
        ? Console.inline(m) : Console.value(v)));
    Console.out().println("wrote " + out.resolve(StatsFile.FILE_NAME));
    return 0;
  }
}
