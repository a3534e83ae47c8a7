package org.selflearn.rewriter.offline.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.clients.admin.Admin;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.mining.FileMiner;
import org.selflearn.rewriter.offline.mining.MiningSettings;
import org.selflearn.rewriter.offline.stream.EmbeddedKafkaBroker;
import org.selflearn.rewriter.offline.stream.EventFileProducer;
import org.selflearn.rewriter.offline.stream.MiningScope;
import org.selflearn.rewriter.offline.stream.Topics;
import org.selflearn.rewriter.simulator.BuiltInWorld;
import org.selflearn.rewriter.simulator.LogSimulator;
import org.selflearn.rewriter.simulator.SimulationOptions;

/**
 * Streaming throughput through the in-process broker: the job ({@link MiningScope#MODEL}) side by side with the
 * statistics-only job ({@link MiningScope#STATISTICS_ONLY}) in one process, each timed until it has mined every session
 * file mode mines from the same events ({@link StreamBenchRun}). The events are produced once; both scopes
 * first run over a small world of their own, unmeasured (so the JIT compiler has done its work before either is
 * timed); then each round runs both over the whole topic, one after the other, in alternating order, so that a machine
 * shared with other work slows both alike. Prints a line per run ({@link StreamBenchRun}), then each scope's figures.
 */
final class StreamBenchmark {
  /** Customers of the warm-up world. */
  private static final int WARM_UP_CUSTOMERS = 15_000;

  private StreamBenchmark() {}

  static void run(int customers, int days, int partitions, int threads, int rounds, Path dir) throws Exception {
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds must be at least 1, was " + rounds);
    }
    // an idle flush after 1 s closes the sessions left open at the end of the topic (so every run mines them all)
    RewriterConfig c = org.selflearn.rewriter.config.ConfigLoader.load(null).with(ConfigKeys.APPLICATION_ID, "bench")
        .with(ConfigKeys.STREAM_THREADS, threads).with(ConfigKeys.IDLE_FLUSH_SECONDS, 1);
    RewriterConfig warmUp = c.with(ConfigKeys.INPUT_TOPIC, "bench-warm-up-events");
    Map<MiningScope, List<StreamBenchRun>> runs = new EnumMap<>(MiningScope.class);
    long n;
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(); Admin admin = broker.admin()) {
      World world = produce(c, customers, days, partitions, broker, admin, dir.resolve("stream-world"));
      World small = produce(warmUp, WARM_UP_CUSTOMERS, days, partitions, broker, admin, dir.resolve("warm-up-world"));
      n = world.events();
      System.out.printf(Locale.ROOT, "stream: %,d events (%,d sessions in file mode) in the topic (%d partitions);"
          + " %d stream threads, exactly-once, commit interval %d ms; warm-up, then %d round(s) of both jobs%n", n,
          world.sessions(), partitions, threads, c.get(ConfigKeys.COMMIT_INTERVAL_MS), rounds);
      for (MiningScope scope : MiningScope.values()) {
        StreamBenchRun.measure(warmUp, scope, "bench-warm-up-" + label(scope), small.sessions(), partitions,
            broker.bootstrapServers(), admin, dir);
      }
      for (int r = 1; r <= rounds; r++) {
        List<MiningScope> order = r % 2 == 1 ? List.of(MiningScope.STATISTICS_ONLY, MiningScope.MODEL)
            : List.of(MiningScope.MODEL, MiningScope.STATISTICS_ONLY);
        for (MiningScope scope : order) {
          StreamBenchRun run = StreamBenchRun.measure(c, scope, "bench-" + label(scope) + "-" + r,
              world.sessions(), partitions, broker.bootstrapServers(), admin, dir);
          System.out.printf(Locale.ROOT, "stream round %d, %-16s %s%n", r, name(scope) + ":", run.describe(n));
          runs.computeIfAbsent(scope, s -> new ArrayList<>()).add(run);
        }
      }
    }
    long events = n;
    for (MiningScope scope : MiningScope.values()) {
      List<StreamBenchRun> r = runs.get(scope);
      System.out.printf(Locale.ROOT, "stream summary, %-16s %s events/s (median %,.0f); %s µs CPU per event"
          + " (median %,.0f)%n", name(scope) + ":", list(r, x -> events / x.seconds()),
          median(r, x -> events / x.seconds()), list(r, x -> x.cpuSeconds() * 1e6 / events),
          median(r, x -> x.cpuSeconds() * 1e6 / events));
    }
  }

  /** A simulated world in the input topic: its events, and the sessions file mode mines from them. */
  private record World(long events, long sessions) {}

  private static World produce(RewriterConfig c, int customers, int days, int partitions, EmbeddedKafkaBroker broker,
      Admin admin, Path dir) throws Exception {
    new LogSimulator(BuiltInWorld.build(2), SimulationOptions.of(customers, days, 2)).run(dir, d -> { });
    Path file = dir.resolve(LogSimulator.TRAIN_FILE);
    FileMiner miner = new FileMiner(MiningSettings.from(c));
    miner.mine(file, r -> { });
    miner.finish();
    long sessions = ((Number) miner.summary().toMap().get("sessions")).longValue();
    Topics.ensure(admin, c, partitions, (short) 1);
    return new World(EventFileProducer.produce(file, broker.bootstrapServers(), c.get(ConfigKeys.INPUT_TOPIC)),
        sessions);
  }

  private static String label(MiningScope scope) {
    return scope == MiningScope.MODEL ? "model" : "stats";
  }

  private static String name(MiningScope scope) {
    return scope == MiningScope.MODEL ? "with model state" : "statistics only";
  }

  private static String list(List<StreamBenchRun> runs, ToDoubleFunction<StreamBenchRun> f) {
    StringBuilder b = new StringBuilder();
    for (StreamBenchRun r : runs) {
      b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%,.0f", f.applyAsDouble(r)));
    }
    return b.toString();
  }

  static double median(List<StreamBenchRun> runs, ToDoubleFunction<StreamBenchRun> f) {
    double[] x = runs.stream().mapToDouble(f).sorted().toArray();
    int k = x.length;
    return k % 2 == 1 ? x[k / 2] : (x[k / 2 - 1] + x[k / 2]) / 2;
  }
}
