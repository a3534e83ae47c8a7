package org.selflearn.rewriter.offline.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.stream.StreamJob;
import org.selflearn.rewriter.offline.stream.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./rewrite stream --bootstrap HOST:PORT [--config FILE]}. */
@Command(name = "stream", mixinStandardHelpOptions = true,
    description = "Run the Kafka Streams mining job against a Kafka cluster until SIGTERM/Ctrl-C: reads events from"
        + " stream.input-topic (key customerId), writes aggregated statistics to the compacted stream.stats-topic"
        + " and bad events to stream.dead-letter-topic. Start more instances with the same stream.application-id"
        + " to scale out.")
final class StreamCommand implements Callable<Integer> {
  @Mixin
  ConfigOption config;

  @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
  String bootstrap;

  @Option(names = "--create-topics", description = "Create missing topics (partitions: --partitions).")
  boolean createTopics;

  @Option(names = "--partitions", defaultValue = "4", description = "Partitions of created topics.")
  int partitions;

  @Override
  public Integer call() throws InterruptedException {
    RewriterConfig c = config.load();
    if (createTopics) {
      try (Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
        Topics.ensure(admin, c, partitions, (short) 1);
      }
    }
    CountDownLatch stop = new CountDownLatch(1);
    try (StreamJob job = new StreamJob(c, bootstrap, c.get(ConfigKeys.STATE_DIR), new SimpleMeterRegistry())) {
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "stream-shutdown"));
      job.start();
      System.err.println("stream: running (" + c.get(ConfigKeys.APPLICATION_ID) + "); Ctrl-C to stop");
      while (!stop.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
        System.err.println("stream: " + job.state() + ", " + job.metrics().describe());
      }
      System.err.println("stream: stopping cleanly");
    }
    return 0;
  }
}
