package org.selflearn.rewriter.offline.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.selflearn.rewriter.config.ConfigException;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.stream.StreamJob;
import org.selflearn.rewriter.offline.stream.ThreadRestartPolicy;
import org.selflearn.rewriter.offline.stream.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./rewrite stream --bootstrap HOST:PORT [--config FILE]}. */
@Command(name = "stream", mixinStandardHelpOptions = true,
    description = "Run the Kafka Streams mining job against a Kafka cluster until SIGTERM/Ctrl-C: reads events from"
        + " stream.input-topic (key customerId), writes aggregated statistics to the compacted stream.stats-topic"
        + " and bad events to stream.dead-letter-topic. Start more instances with the same stream.application-id"
        + " to scale out. Exit code 2 when no broker answers within stream.connect-timeout-seconds or the input"
        + " topic is missing; 1 when the job stops on a failure (a stream thread failed more than"
        + " stream.max-thread-restarts times).")
final class StreamCommand implements Callable<Integer> {
  private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

  @Mixin
  ConfigOption config;

  @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
  String bootstrap;

  @Option(names = "--create-topics", description = "Create missing topics (partitions: --partitions; replication"
      + " factor: stream.replication-factor).")
  boolean createTopics;

  @Option(names = "--partitions", defaultValue = "4", description = "Partitions of created topics (default"
      + " ${DEFAULT-VALUE}).")
  int partitions;

  @Override
  public Integer call() throws InterruptedException {
    RewriterConfig c = config.load();
    if (c.get(ConfigKeys.REPLICATION_FACTOR) == 0) {
      throw new ConfigException(ConfigKeys.REPLICATION_FACTOR.name(), "0 is not a replication factor: use -1 (the"
          + " broker's default) or 1 to 32767");
    }
    if (partitions < 1) {
      throw new BadInputException("--partitions: " + partitions + " is not a number of partitions (1 or more)");
    }
    Duration timeout = Duration.ofSeconds(c.get(ConfigKeys.CONNECT_TIMEOUT_SECONDS));
    try (BrokerCheck broker = new BrokerCheck(bootstrap, timeout)) {
      broker.requireReachable();
      if (createTopics) {
        Topics.ensure(broker.admin(), c, partitions);
      } else {
        broker.requireTopic(c.get(ConfigKeys.INPUT_TOPIC), ConfigKeys.INPUT_TOPIC.name());
      }
    }
    StopSignal stop = new StopSignal();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.requestAndAwaitClose(Duration.ofSeconds(60)),
        "stream-shutdown"));
    try (StreamJob job = new StreamJob(c, bootstrap, c.get(ConfigKeys.STATE_DIR), new SimpleMeterRegistry())) {
      job.start();
      Console.progress("stream", "running as " + c.get(ConfigKeys.APPLICATION_ID) + " on " + bootstrap
          + "; Ctrl-C to stop");
      return watch(job::state, job.restarts(), stop, () -> Console.progress("stream", job.state() + ", "
          + job.metrics().describe()));
    } finally {
      stop.closed();
    }
  }

  /**
   * Waits until a stop is requested (exit 0) or the job stops by itself: ERROR or NOT_RUNNING (exit 1, or 2 when the
   * input topic vanished). Reports every {@link #REPORT_EVERY}.
   */
  static int watch(Supplier<KafkaStreams.State> state, ThreadRestartPolicy restarts, StopSignal stop,
      Runnable report) throws InterruptedException {
    long nextReport = System.nanoTime() + REPORT_EVERY.toNanos();
    while (!stop.awaitRequest(Duration.ofMillis(500))) {
      KafkaStreams.State s = state.get();
      if (s == KafkaStreams.State.ERROR || s == KafkaStreams.State.NOT_RUNNING
          || s == KafkaStreams.State.PENDING_ERROR) {
        Throwable cause = restarts.lastFailure();
        Console.progress("stream", "the job stopped in state " + s + (cause == null ? ""
            : " after " + restarts.failures() + " stream-thread failure(s); last: " + cause.getClass().getSimpleName()
            + (cause.getMessage() == null ? "" : ": " + Failures.oneLine(cause.getMessage()))));
        return cause instanceof MissingSourceTopicException ? RewriteCli.BAD_INPUT : RewriteCli.INTERNAL;
      }
      if (System.nanoTime() >= nextReport) {
        report.run();
        nextReport = System.nanoTime() + REPORT_EVERY.toNanos();
      }
    }
    Console.progress("stream", "stopping cleanly");
    return 0;
  }
}
