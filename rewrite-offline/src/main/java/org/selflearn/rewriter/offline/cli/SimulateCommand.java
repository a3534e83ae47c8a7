package org.selflearn.rewriter.offline.cli;

import org.selflearn.rewriter.offline.io.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.selflearn.rewriter.simulator.BuiltInWorld;
import org.selflearn.rewriter.simulator.CorpusWorld;
import org.selflearn.rewriter.simulator.LogSimulator;
import org.selflearn.rewriter.simulator.SimulationOptions;
import org.selflearn.rewriter.simulator.SimulationSummary;
import org.selflearn.rewriter.simulator.WorldRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./rewrite simulate --out DIR [--customers N --days D --seed S]}. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Write a simulated interaction world (log format 1 with truth) as DIR/train.jsonl and"
        + " DIR/eval.jsonl (split by day), with DIR/simulation-summary.json.")
final class SimulateCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  @Option(names = "--customers", defaultValue = "2000", description = "Customers (default ${DEFAULT-VALUE}).")
  int customers;

  @Option(names = "--days", defaultValue = "14", description = "Days (default ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--eval-days", description = "Last days written to eval.jsonl (default days/4).")
  Integer evalDays;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--personal-slice", defaultValue = "0.04",
      description = "Share of customers in the personal slice (default ${DEFAULT-VALUE}).")
  double personalSlice;

  @Option(names = "--corpus", paramLabel = "slurp|hwu64|snips",
      description = "Build the world from a public corpus under --data instead of the built-in world.")
  String corpus;

  @Option(names = "--confusions", paramLabel = "FILE",
      description = "Real ASR confusions (slurp/derived_google_asr_entity_diffs.json) for --corpus worlds.")
  Path confusions;

  @Option(names = "--data", defaultValue = "../shared/data", paramLabel = "DIR",
      description = "Where the public corpora are (default ${DEFAULT-VALUE}). A relative --data or --confusions is"
          + " looked up in the current directory, then in the project directory (where ./rewrite is).")
  Path data;

  @Override
  public Integer call() {
    SimulationOptions base = SimulationOptions.of(customers, days, seed);
    SimulationOptions options = new SimulationOptions(customers, days,
        evalDays == null ? base.evalDays() : evalDays, seed, personalSlice, base.start());
    InputFiles.outputDir(out, "--out");
    List<WorldRequest> world = corpus == null ? BuiltInWorld.build(seed)
        : CorpusWorld.load(corpus, InputFiles.lookUp(data, "--data", true),
            confusions == null ? null : InputFiles.lookUp(confusions, "--confusions", false), seed);
    long t0 = System.nanoTime();
    SimulationSummary summary = new LogSimulator(world, options).run(out,
        d -> {
          if (d == days || d % Math.max(1, days / 4) == 0) {
            Console.progress("simulate", "day " + d + "/" + days);
          }
        });
    Map<String, Object> m = summary.toMap();
    m.put("world", corpus == null ? "built-in" : corpus);
    m.put("seconds", Math.round((System.nanoTime() - t0) / 1e7) / 100.0);
    Json.write(out.resolve("simulation-summary.json"), m);
    m.forEach((k, v) -> Console.out().printf("%-24s %s%n", k, v instanceof Map<?, ?> x ? Console.inline(x)
        : Console.value(v)));
    Console.out().println("wrote " + out.resolve(LogSimulator.TRAIN_FILE) + " and " + out.resolve(LogSimulator.EVAL_FILE));
    return 0;
  }
}
