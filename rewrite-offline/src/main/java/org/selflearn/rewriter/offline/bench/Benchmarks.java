package org.selflearn.rewriter.offline.bench;

import java.nio.file.Path;

/** Entry points of the benchmarks, for the command line. */
public final class Benchmarks {
  private Benchmarks() {}

  public static void mining(int[] customers, int days, Path dir) {
    MiningBenchmark.run(customers, days, dir);
  }

  public static void solve(int[] groups, int largeGroup) {
    SolveBenchmark.run(groups, largeGroup);
  }

  public static void table(int rewrites, Path dir) throws java.io.IOException {
    TableBenchmark.run(rewrites, dir);
  }

  public static void online(Path model, Path logs, int requests) throws Exception {
    OnlineBenchmark.run(model, logs, requests);
  }

  public static void memory(int[] globalSizes, int customers, Path dir) throws Exception {
    MemoryBenchmark.run(globalSizes, customers, dir);
  }

  public static void stream(int customers, int days, int partitions, int threads, int rounds, Path dir)
      throws Exception {
    StreamBenchmark.run(customers, days, partitions, threads, rounds, dir);
  }

  public static void publish(int[] customers, int days, Path dir) throws Exception {
    for (int n : customers) {
      PublishBenchmark.run(n, days, dir);
    }
  }
}
