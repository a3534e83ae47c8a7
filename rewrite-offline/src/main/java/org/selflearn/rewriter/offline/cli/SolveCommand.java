package org.selflearn.rewriter.offline.cli;

import java.nio.file.Path;
import org.selflearn.rewriter.offline.io.Json;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.mining.MinedStats;
import org.selflearn.rewriter.offline.mining.StatsFile;
import org.selflearn.rewriter.offline.solve.SolveJob;
import org.selflearn.rewriter.offline.solve.SolveResult;
import org.selflearn.rewriter.offline.solve.TablePublisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./rewrite solve --stats DIR --out TABLE_DIR}. */
@Command(name = "solve", mixinStandardHelpOptions = true,
    description = "Solve mined statistics as absorbing Markov chains, select rewrites through the gates, and publish"
        + " them as a new version of the RocksDB rewrite table under TABLE_DIR (CURRENT switched atomically).")
final class SolveCommand implements Callable<Integer> {
  @Mixin
  ConfigOption config;

  @Option(names = "--stats", required = true, paramLabel = "DIR", description = "Output of ./rewrite mine.")
  Path stats;

  @Option(names = "--out", required = true, paramLabel = "TABLE_DIR", description = "Table directory.")
  Path out;

  @Option(names = "--decisions", paramLabel = "FILE",
      description = "Also write every decision (kept or dropped, with its evidence) as JSON lines.")
  Path decisionsFile;

  @Override
  public Integer call() {
    InputFiles.existingDir(stats, "--stats");
    InputFiles.outputDir(out, "--out");
    InputFiles.outputFile(decisionsFile, "--decisions");
    RewriterConfig c = config.load();
    MinedStats mined = StatsFile.read(stats);
    SolveJob job = new SolveJob(c);
    SolveResult r = job.solve(mined);
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("gates", job.gateMetadata());
    meta.put("input", Map.of("states", mined.states().size(), "transitions", mined.transitions().size(),
        "pairs", mined.pairs().size()));
    String version = new TablePublisher(Clock.systemUTC(), c.get(ConfigKeys.KEEP_VERSIONS)).publish(out,
        r.entries(), meta);
    if (decisionsFile != null) {
      Json.writeLines(decisionsFile, r.decisions());
    }
    Console.out().printf(java.util.Locale.ROOT, "groups %,d (largest %,d states), solved in %.2f s%n", r.groups(),
        r.largestGroup(), r.seconds());
    Console.out().println("decisions by reason: " + Console.inline(SolveJob.reasons(r.decisions())));
    Console.out().println("published " + r.entries().size() + " rewrites as " + out.resolve(version));
    return 0;
  }
}
