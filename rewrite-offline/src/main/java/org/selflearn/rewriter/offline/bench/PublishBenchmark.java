package org.selflearn.rewriter.offline.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.io.HeapPeak;
import org.selflearn.rewriter.offline.publish.ModelPublisher;
import org.selflearn.rewriter.offline.stream.EmbeddedKafkaBroker;
import org.selflearn.rewriter.offline.stream.EventFileProducer;
import org.selflearn.rewriter.offline.stream.KafkaModelSource;
import org.selflearn.rewriter.offline.stream.StreamJob;
import org.selflearn.rewriter.offline.stream.Topics;
import org.selflearn.rewriter.simulator.BuiltInWorld;
import org.selflearn.rewriter.simulator.LogSimulator;
import org.selflearn.rewriter.simulator.SimulationOptions;

/**
 * One publish from the stream, timed: a simulated population is produced to the in-process broker and mined by the
 * streaming job until it has caught up (not timed), then one model version is published from the stream's topics
 * (timed, with the peak heap of the publish alone and its stages from the train summary). The publish is the sharded
 * deployment's ({@code publish.personal=false}: serving instances keep the memories), whose cost must not grow with
 * the population.
 */
final class PublishBenchmark {
  private PublishBenchmark() {}

  static void run(int customers, int days, Path dir) throws Exception {
    Path world = dir.resolve("publish-world-" + customers);
    new LogSimulator(BuiltInWorld.build(5), SimulationOptions.of(customers, days, 5)).run(world, d -> { });
    RewriterConfig c = org.selflearn.rewriter.config.ConfigLoader.load(null)
        .with(ConfigKeys.APPLICATION_ID, "bench-publish-" + customers).with(ConfigKeys.IDLE_FLUSH_SECONDS, 3)
        .with(ConfigKeys.PUBLISH_PERSONAL, false);
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(); Admin admin = broker.admin()) {
      Topics.ensure(admin, c, 2, (short) 1);
      long n = EventFileProducer.produce(world.resolve(LogSimulator.TRAIN_FILE), broker.bootstrapServers(),
          c.get(ConfigKeys.INPUT_TOPIC));
      Path state = Files.createTempDirectory(dir, "state");
      long ts = System.nanoTime();
      try (StreamJob job = new StreamJob(c, broker.bootstrapServers(), state.toString(), new SimpleMeterRegistry())) {
        job.start();
        if (!StreamJob.awaitCaughtUp(admin, c, Duration.ofHours(2), broker.bootstrapServers())) {
          throw new IllegalStateException("the streaming job did not catch up within 2 hours");
        }
      }
      double streamSeconds = (System.nanoTime() - ts) / 1e9;
      System.gc();
      HeapPeak.reset();
      long t0 = System.nanoTime();
      ModelPublisher.Published p = new ModelPublisher(c, Clock.systemUTC(), m -> { }).publish(
          new KafkaModelSource(c, broker.bootstrapServers(), Clock.systemUTC(), m -> { }), dir.resolve("model"));
      double s = (System.nanoTime() - t0) / 1e9;
      Object stages = p.trainSummary().get("seconds");
      Object stream = p.trainSummary().get("stream");
      System.out.printf(Locale.ROOT, "publish: %,d customers, %,d events (streamed in %.0f s, not timed): one publish"
          + " from the stream's topics (publish.personal=false) in %.1f s, peak live heap %d MB (largest heap left"
          + " after a collection; peak use with garbage %d MB); stages (s) %s; read %s%n", customers, n,
          streamSeconds, s, HeapPeak.liveMegabytes(), HeapPeak.megabytes(), stages,
          stream instanceof Map<?, ?> m ? m : "");
    }
  }
}
