package org.selflearn.rewriter.offline.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.stream.EventFileProducer;
import org.selflearn.rewriter.offline.stream.StreamJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./rewrite produce --bootstrap HOST:PORT --logs FILE}: recorded logs into the streaming job's input topic. */
@Command(name = "produce", mixinStandardHelpOptions = true,
    description = "Write the events of a log file to stream.input-topic, in file order, keyed by customerId (acks=all,"
        + " idempotent): to feed the streaming job with recorded logs. Lines are sent as they are; the job validates"
        + " them (bad ones go to its dead-letter topic). Exit code 2 when no broker answers or the topic is missing.")
final class ProduceCommand implements Callable<Integer> {
  @Mixin
  ConfigOption config;

  @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
  String bootstrap;

  @Option(names = "--logs", required = true, paramLabel = "FILE", description = "Events (.jsonl[.gz]).")
  Path logs;

  @Option(names = "--await-mined", paramLabel = "SECONDS", description = "Then wait at most this long until the"
      + " streaming job (stream.application-id) has mined everything up to the end of the input topic; exit code 1"
      + " if it has not by then.")
  Integer awaitMined;

  @Override
  public Integer call() {
    RewriterConfig c = config.load();
    InputFiles.existingFile(logs, "--logs");
    String topic = c.get(ConfigKeys.INPUT_TOPIC);
    try (BrokerCheck broker = new BrokerCheck(bootstrap,
        Duration.ofSeconds(c.get(ConfigKeys.CONNECT_TIMEOUT_SECONDS)))) {
      broker.requireReachable();
      broker.requireTopic(topic, ConfigKeys.INPUT_TOPIC.name());
    }
    long n = EventFileProducer.produce(logs, bootstrap, topic);
    Console.out().println("produced " + n + " events to '" + topic + "'");
    if (awaitMined == null) {
      return 0;
    }
    try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(java.util.Map.of(
        "bootstrap.servers", bootstrap))) {
      if (!StreamJob.awaitCaughtUp(admin, c, Duration.ofSeconds(awaitMined), bootstrap)) {
        Console.err().println("produce: the streaming job '" + c.get(ConfigKeys.APPLICATION_ID) + "' has not mined"
            + " the topic to its end within " + awaitMined + " s");
        return 1;
      }
    }
    Console.out().println("the streaming job has mined them");
    return 0;
  }
}
