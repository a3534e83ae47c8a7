package org.selflearn.rewriter.offline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./rewrite bench mining|stream|publish|solve|table|online|memory}. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks that print figures: mining (file mode), stream (through the in-process broker, the job"
        + " with model state side by side with the statistics-only job), publish"
        + " (one model version from the stream's topics: time and peak heap), solve,"
        + " table (build, publish, lookups), online (latency and throughput of a trained model).")
final class BenchCommand implements Callable<Integer> {
  @Parameters(paramLabel = "WHAT", description = "mining, stream, publish, solve, table, online or memory")
  String what;

  @Option(names = "--model", paramLabel = "MODEL_DIR", description = "For online: a trained model.")
  Path model;

  @Option(names = "--logs", paramLabel = "FILE", description = "For online: requests to replay.")
  Path logs;

  @Option(names = "--customers", split = ",", defaultValue = "5000,50000",
      description = "For mining and publish: population sizes (default ${DEFAULT-VALUE}); for stream: the first one.")
  int[] customers;

  @Option(names = "--days", defaultValue = "10", description = "Days of simulated traffic (default ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--groups", split = ",", defaultValue = "10000,100000,1000000",
      description = "For solve: numbers of groups (default ${DEFAULT-VALUE}).")
  int[] groups;

  @Option(names = "--large-group", defaultValue = "20000", description = "For solve: size of one large group.")
  int largeGroup;

  @Option(names = "--rewrites", defaultValue = "1000000", description = "For table: rewrites (default ${DEFAULT-VALUE}).")
  int rewrites;

  @Option(names = "--requests", defaultValue = "20000", description = "For online: requests measured.")
  int requests;

  @Option(names = "--partitions", defaultValue = "2", description = "For stream: input partitions.")
  int partitions;

  @Option(names = "--threads", defaultValue = "2", description = "For stream: stream threads.")
  int threads;

  @Option(names = "--rounds", defaultValue = "2", description = "For stream: rounds, each running the job with model"
      + " state and the statistics-only job side by side (default ${DEFAULT-VALUE}).")
  int rounds;

  @Override
  public Integer call() throws Exception {
    Path tmp = Files.createTempDirectory("rewriter-bench");
    try {
      switch (what) {
        case "mining" -> org.selflearn.rewriter.offline.bench.Benchmarks.mining(customers, days, tmp);
        case "solve" -> org.selflearn.rewriter.offline.bench.Benchmarks.solve(groups, largeGroup);
        case "table" -> org.selflearn.rewriter.offline.bench.Benchmarks.table(rewrites, tmp.resolve("table"));
        case "online" -> org.selflearn.rewriter.offline.bench.Benchmarks.online(
            ModelCheck.forRewriter(model, "--model").root(), InputFiles.existingFile(logs, "--logs"), requests);
        case "memory" -> org.selflearn.rewriter.offline.bench.Benchmarks.memory(new int[] {10_000, 100_000,
            1_000_000}, 100_000, tmp);
        case "stream" -> org.selflearn.rewriter.offline.bench.Benchmarks.stream(customers[0], days, partitions,
            threads, rounds, tmp);
        case "publish" -> org.selflearn.rewriter.offline.bench.Benchmarks.publish(customers, days, tmp);
        default -> throw new BadInputException("bench: unknown benchmark \"" + what
            + "\", expected one of [mining, stream, publish, solve, table, online, memory]");
      }
    } finally {
      org.selflearn.rewriter.offline.io.Directories.deleteTree(tmp);
    }
    return 0;
  }
}
