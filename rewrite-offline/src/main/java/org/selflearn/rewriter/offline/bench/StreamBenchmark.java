package org.selflearn.rewriter.offline.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.selflearn.rewriter.offline.io.HeapPeak;
import org.apache.kafka.clients.admin.Admin;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.stream.EmbeddedKafkaBroker;
import org.selflearn.rewriter.offline.stream.EventFileProducer;
import org.selflearn.rewriter.offline.stream.StreamJob;
import org.selflearn.rewriter.offline.stream.Topics;
import org.selflearn.rewriter.simulator.BuiltInWorld;
import org.selflearn.rewriter.simulator.LogSimulator;
import org.selflearn.rewriter.simulator.SimulationOptions;

/**
 * Streaming throughput through the in-process broker: events are produced first, then the job runs from the start
 * of the topic; the figure is events / time until every input and repartition partition is committed to its end.
 */
final class StreamBenchmark {
  private StreamBenchmark() {}

  static void run(int customers, int days, int partitions, int threads, Path dir) throws Exception {
    Path world = dir.resolve("stream-world");
    new LogSimulator(BuiltInWorld.build(2), SimulationOptions.of(customers, days, 2)).run(world, d -> { });
    RewriterConfig c = org.selflearn.rewriter.config.ConfigLoader.load(null).with(ConfigKeys.APPLICATION_ID, "bench")
        .with(ConfigKeys.STREAM_THREADS, threads).with(ConfigKeys.IDLE_FLUSH_SECONDS, 0);
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(); Admin admin = broker.admin()) {
      Topics.ensure(admin, c, partitions, (short) 1);
      long n = EventFileProducer.produce(world.resolve(LogSimulator.TRAIN_FILE), broker.bootstrapServers(),
          c.get(ConfigKeys.INPUT_TOPIC));
      Path state = Files.createTempDirectory(dir, "state");
      try (StreamJob job = new StreamJob(c, broker.bootstrapServers(), state.toString(), new SimpleMeterRegistry())) {
        System.gc();
        HeapPeak.reset();
        long t0 = System.nanoTime();
        long firstEvent = 0;
        job.start();
        while (firstEvent == 0 || !StreamJob.lagAtMostOne(admin, "bench")) {
          Thread.sleep(100);
          if (firstEvent == 0 && job.metrics().eventsIn() > 0) {
            firstEvent = System.nanoTime();
          }
        }
        long t1 = System.nanoTime();
        double s = (t1 - t0) / 1e9;
        double processing = (t1 - firstEvent) / 1e9;
        System.out.printf(Locale.ROOT, "stream: %,d events through the in-process broker (%d partitions, %d stream"
            + " threads, exactly-once) in %.1f s = %,.0f events/s; after start-up (%.1f s to the first event):"
            + " %,.0f events/s; peak heap %d MB (job and broker in one JVM) (%s)%n", n, partitions, threads, s, n / s,
            s - processing, n / processing, HeapPeak.megabytes(), job.metrics().describe());
      }
    }
  }
}
