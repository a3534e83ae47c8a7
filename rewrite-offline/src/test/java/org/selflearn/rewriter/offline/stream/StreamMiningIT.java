package org.selflearn.rewriter.offline.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.mining.FileMiner;
import org.selflearn.rewriter.offline.mining.MiningSettings;
import org.selflearn.rewriter.offline.mining.StatValue;
import org.selflearn.rewriter.simulator.BuiltInWorld;
import org.selflearn.rewriter.simulator.LogSimulator;
import org.selflearn.rewriter.simulator.SimulationOptions;

/** The streaming job through a real in-process KRaft broker on 127.0.0.1. */
@Tag("integration")
class StreamMiningIT {
  @TempDir
  static Path dir;
  static EmbeddedKafkaBroker broker;
  static Path logs;
  static Map<String, StatValue> fileMode;
  static final int BAD_LINES = 4;

  @BeforeAll
  static void startBrokerAndMineTheFile() throws IOException {
    broker = EmbeddedKafkaBroker.start();
    Path world = dir.resolve("world");
    new LogSimulator(BuiltInWorld.build(8), SimulationOptions.of(150, 4, 8)).run(world, d -> { });
    List<String> lines = new ArrayList<>(Files.readAllLines(world.resolve("train.jsonl")));
    lines.add(40, "{not json");
    lines.add(80, lines.get(79)); // a redelivered duplicate: counted once
    lines.add(120, lines.get(5).replace("\"status\":\"SUCCESS\"", "\"status\":\"GREAT\"")
        .replace("\"eventId\":\"", "\"eventId\":\"bad-"));
    lines.add(160, lines.get(7).replace("\"utterance\":", "\"heard\":").replace("\"eventId\":\"", "\"eventId\":\"x-"));
    lines.add(200, "{\"v\":1}");
    logs = dir.resolve("logs.jsonl");
    Files.write(logs, lines, StandardCharsets.UTF_8);
    FileMiner miner = new FileMiner(MiningSettings.from(RewriterConfig.defaults()));
    miner.mine(logs, r -> { });
    fileMode = miner.finish();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  static RewriterConfig config(String name) {
    return RewriterConfig.defaults().with(ConfigKeys.APPLICATION_ID, "app-" + name)
        .with(ConfigKeys.INPUT_TOPIC, "events-" + name).with(ConfigKeys.STATS_TOPIC, "stats-" + name)
        .with(ConfigKeys.DEAD_LETTER_TOPIC, "dlq-" + name).with(ConfigKeys.FACTS_TOPIC, "facts-" + name)
        .with(ConfigKeys.ERASURE_TOPIC, "erasures-" + name).with(ConfigKeys.IDLE_FLUSH_SECONDS, 3)
        .with(ConfigKeys.COMMIT_INTERVAL_MS, 200);
  }

  static void produce(RewriterConfig c, int partitions) {
    try (Admin admin = broker.admin()) {
      Topics.ensure(admin, c, partitions, (short) 1);
    }
    EventFileProducer.produce(logs, broker.bootstrapServers(), c.get(ConfigKeys.INPUT_TOPIC));
  }

  static boolean caughtUp(RewriterConfig c) {
    try (Admin admin = broker.admin()) {
      return StreamJob.awaitCaughtUp(admin, c, Duration.ofMinutes(3), broker.bootstrapServers());
    }
  }

  /** The statistics topic once it equals file mode, or its last state after the timeout (then the test fails). */
  static Map<String, StatValue> statisticsWhenSettled(RewriterConfig c) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
    Map<String, StatValue> now = Map.of();
    while (System.nanoTime() < deadline) {
      now = StatsTopicReader.read(broker.bootstrapServers(), c.get(ConfigKeys.STATS_TOPIC));
      if (now.equals(fileMode)) {
        return now;
      }
      Thread.sleep(2000);
    }
    return now;
  }

  @Test
  void streamingStatisticsEqualFileModeAndBadEventsGoToTheDeadLetterTopic() throws InterruptedException {
    RewriterConfig c = config("e2e");
    produce(c, 2);
    try (StreamJob job = new StreamJob(c, broker.bootstrapServers(), dir.resolve("state-e2e").toString(),
        new SimpleMeterRegistry())) {
      job.start();
      assertThat(statisticsWhenSettled(c)).isEqualTo(fileMode);
      assertThat(job.metrics().duplicates.count()).as("the redelivered line, exactly once").isEqualTo(1.0);
    }
    List<ConsumerRecord<String, String>> dead = readAll(c.get(ConfigKeys.DEAD_LETTER_TOPIC), BAD_LINES);
    assertThat(dead).hasSize(BAD_LINES);
    List<String> reasons = dead.stream().map(r -> new String(r.headers().lastHeader("rejection").value(),
        StandardCharsets.UTF_8)).toList();
    assertThat(String.join("\n", reasons)).contains("field '$'", "response.status", "utterance", "eventId");
  }

  @Test
  void twoInstancesOfTheSameApplicationProduceTheSameTotalsAsOne() throws InterruptedException {
    RewriterConfig c = config("two").with(ConfigKeys.IDLE_FLUSH_SECONDS, 4);
    produce(c, 4);
    try (StreamJob a = new StreamJob(c, broker.bootstrapServers(), dir.resolve("state-two-a").toString(),
        new SimpleMeterRegistry());
        StreamJob b = new StreamJob(c, broker.bootstrapServers(), dir.resolve("state-two-b").toString(),
            new SimpleMeterRegistry())) {
      a.start();
      b.start();
      assertThat(statisticsWhenSettled(c)).isEqualTo(fileMode);
    }
  }

  @Test
  void theJobRidesThroughABrokerRestartMidStreamAndEndsWithExactlyOnceTotals() throws Exception {
    // the second half of the file goes in only once the job has committed some of the first: however fast the job
    // is, the broker then goes away with input left to read and transactions open (an idle flush in between would
    // split the sessions that span the halves: it waits longer here than producing the second half can take)
    RewriterConfig c = config("restart").with(ConfigKeys.IDLE_FLUSH_SECONDS, 10);
    List<String> lines = Files.readAllLines(logs, StandardCharsets.UTF_8);
    Path first = dir.resolve("restart-first.jsonl");
    Path second = dir.resolve("restart-second.jsonl");
    Files.write(first, lines.subList(0, lines.size() / 2), StandardCharsets.UTF_8);
    Files.write(second, lines.subList(lines.size() / 2, lines.size()), StandardCharsets.UTF_8);
    try (Admin admin = broker.admin()) {
      Topics.ensure(admin, c, 2, (short) 1);
    }
    EventFileProducer.produce(first, broker.bootstrapServers(), c.get(ConfigKeys.INPUT_TOPIC));
    try (StreamJob job = new StreamJob(c, broker.bootstrapServers(), dir.resolve("state-restart").toString(),
        new SimpleMeterRegistry())) {
      long committed = 0;
      long inputEnd;
      try (Admin admin = broker.admin()) {
        job.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline && committed == 0) {
          committed = committedInput(admin, c);
          Thread.sleep(20);
        }
        EventFileProducer.produce(second, broker.bootstrapServers(), c.get(ConfigKeys.INPUT_TOPIC));
        inputEnd = inputEnd(admin, c);
      }
      broker.restart(3_000); // the broker goes away with transactions open, and comes back
      assertThat(committed).as("restarted mid-stream: some input committed, not all").isPositive()
          .isLessThan(inputEnd - 2);
      assertThat(statisticsWhenSettled(c)).isEqualTo(fileMode);
      assertThat(job.metrics().duplicates.count()).as("the one redelivered line of the file").isEqualTo(1.0);
    }
  }

  @Test
  void aJobKilledAbruptlyAndRestartedEndsWithExactlyTheUninterruptedCounts() throws Exception {
    RewriterConfig c = config("kill");
    produce(c, 2);
    Path state = dir.resolve("state-kill");
    Process first = startJobProcess("kill", state);
    long committedAtKill;
    long inputEnd;
    try (Admin admin = broker.admin()) {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      committedAtKill = 0;
      while (System.nanoTime() < deadline && committedAtKill == 0) {
        committedAtKill = committedInput(admin, c);
        Thread.sleep(20);
      }
      first.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL as soon as a first transaction committed
      committedAtKill = committedInput(admin, c);
      inputEnd = inputEnd(admin, c);
    }
    assertThat(committedAtKill).as("killed mid-stream: some input committed, not all").isPositive()
        .isLessThan(inputEnd - 2);
    Process second = startJobProcess("kill", state);
    try {
      assertThat(statisticsWhenSettled(c)).isEqualTo(fileMode);
      assertThat(caughtUp(c)).as("and stays equal once the job has caught up").isTrue();
      assertThat(StatsTopicReader.read(broker.bootstrapServers(), c.get(ConfigKeys.STATS_TOPIC)))
          .isEqualTo(fileMode);
    } finally {
      second.destroy();
      second.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** Input offsets the job's group has committed, summed over partitions. */
  private static long committedInput(Admin admin, RewriterConfig c) throws Exception {
    return admin.listConsumerGroupOffsets(c.get(ConfigKeys.APPLICATION_ID)).partitionsToOffsetAndMetadata().get()
        .entrySet().stream().filter(e -> e.getKey().topic().equals(c.get(ConfigKeys.INPUT_TOPIC)))
        .mapToLong(e -> e.getValue().offset()).sum();
  }

  private static long inputEnd(Admin admin, RewriterConfig c) throws Exception {
    Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest =
        new java.util.HashMap<>();
    for (int p = 0; p < 2; p++) {
      latest.put(new org.apache.kafka.common.TopicPartition(c.get(ConfigKeys.INPUT_TOPIC), p),
          org.apache.kafka.clients.admin.OffsetSpec.latest());
    }
    return admin.listOffsets(latest).all().get().values().stream().mapToLong(i -> i.offset()).sum();
  }

  private static Process startJobProcess(String name, Path state) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        "org.selflearn.rewriter.offline.cli.RewriteCli", "stream", "--bootstrap", broker.bootstrapServers());
    Map<String, String> env = pb.environment();
    env.put("REWRITER_STREAM_APPLICATION_ID", "app-" + name);
    env.put("REWRITER_STREAM_INPUT_TOPIC", "events-" + name);
    env.put("REWRITER_STREAM_STATS_TOPIC", "stats-" + name);
    env.put("REWRITER_STREAM_DEAD_LETTER_TOPIC", "dlq-" + name);
    env.put("REWRITER_STREAM_FACTS_TOPIC", "facts-" + name);
    env.put("REWRITER_STREAM_ERASURE_TOPIC", "erasures-" + name);
    env.put("REWRITER_STREAM_IDLE_FLUSH_SECONDS", "3");
    env.put("REWRITER_STREAM_COMMIT_INTERVAL_MS", "200");
    env.put("REWRITER_STREAM_STATE_DIR", state.toString());
    env.put("REWRITE_LOG_DIR", dir.toString()); // the job's library logging, beside its console output
    pb.redirectErrorStream(true).redirectOutput(dir.resolve("job-" + name + ".log").toFile());
    return pb.start();
  }

  private static List<ConsumerRecord<String, String>> readAll(String topic, int expected) {
    Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "reader-" + topic, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<String, String>> out = new ArrayList<>();
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(props, new StringDeserializer(),
        new StringDeserializer())) {
      c.subscribe(List.of(topic));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (out.size() < expected && System.nanoTime() < deadline) {
        c.poll(Duration.ofMillis(500)).forEach(out::add);
      }
      c.poll(Duration.ofSeconds(1)).forEach(out::add);
    }
    return out;
  }

}
