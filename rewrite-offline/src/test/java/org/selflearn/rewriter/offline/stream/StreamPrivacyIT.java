package org.selflearn.rewriter.offline.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selflearn.rewriter.common.codec.Jackson;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.cli.RewriteCli;
import org.selflearn.rewriter.offline.mining.StatKey;
import org.selflearn.rewriter.offline.mining.StatValue;
import org.selflearn.rewriter.offline.mining.VoteWindows;
import org.selflearn.rewriter.offline.publish.PrivacyLedger;
import org.selflearn.rewriter.simulator.BuiltInWorld;
import org.selflearn.rewriter.simulator.LogSimulator;
import org.selflearn.rewriter.simulator.SimulationOptions;

/**
 * With differential privacy on, the streaming job on a real in-process broker keeps the same bounded vote tally as
 * file mode on the same events; an erasure retracts the customer's votes; and {@code publish --bootstrap} releases a
 * private model whose manifest records the guarantee.
 */
@Tag("integration")
class StreamPrivacyIT {
  private static final double EPSILON = 8;
  @TempDir
  static Path dir;
  static EmbeddedKafkaBroker broker;
  static Path logs;
  static List<String> lines;
  static RewriterConfig config;

  @BeforeAll
  static void startBrokerAndSimulate() throws IOException {
    broker = EmbeddedKafkaBroker.start();
    Path world = dir.resolve("world");
    new LogSimulator(BuiltInWorld.build(13), SimulationOptions.of(200, 5, 13)).run(world, d -> { });
    logs = world.resolve(LogSimulator.TRAIN_FILE);
    lines = Files.readAllLines(logs, StandardCharsets.UTF_8);
    config = StreamMiningIT.config("private").with(ConfigKeys.PRIVACY_EPSILON, EPSILON)
        .with(ConfigKeys.PRIVACY_MAX_REQUESTS_PER_CUSTOMER, 2).with(ConfigKeys.CALIBRATION_ENABLED, false);
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void theStreamKeepsFileModesVoteTallyAnErasureRetractsItAndPublishReleasesAPrivateModel() throws Exception {
    Map<String, Long> fileMode = VoteTallies.votes(VoteTallies.mineFile(config, dir, lines));
    String erased = customerOf(lines.get(0));
    Map<String, Long> fileModeWithoutErased = VoteTallies.votes(VoteTallies.mineFile(config, dir, lines.stream()
        .filter(l -> !customerOf(l).equals(erased)).toList()));
    assertThat(fileModeWithoutErased).isNotEqualTo(fileMode);
    try (StreamJob job = caughtUpJob(config, "state")) {
      Map<String, StatValue> stats = StatsTopicReader.read(broker.bootstrapServers(),
          config.get(ConfigKeys.STATS_TOPIC));
      assertThat(stats.keySet()).as("bounded votes only").allMatch(k -> StatKey.kind(k) == StatKey.VOTE);
      assertThat(VoteTallies.votes(stats)).isNotEmpty().isEqualTo(fileMode);

      ErasureRequest.send(broker.bootstrapServers(), config, erased, Duration.ofSeconds(30));
      assertThat(votesWhenEqual(fileModeWithoutErased)).as("the erased customer's votes retracted")
          .isEqualTo(fileModeWithoutErased);

      Path yaml = publishConfig(config, "config.yaml");
      Path published = dir.resolve("published");
      assertThat(RewriteCli.run("publish", "--config", yaml.toString(), "--bootstrap", broker.bootstrapServers(),
          "--model", published.toString())).isZero();
      Path version = published.resolve("versions/v-000001");
      JsonNode privacy = Jackson.readTree(Files.readString(version.resolve("model-manifest.json"))).get("privacy");
      assertThat(privacy).as("the manifest records the guarantee").isNotNull();
      assertThat(privacy.get("epsilon").asDouble()).isEqualTo(EPSILON);
      assertThat(privacy.get("maxRequestsPerCustomer").asInt()).isEqualTo(2);
      assertThat(privacy.get("unit").asText()).contains("streaming job");
      JsonNode summary = Jackson.readTree(Files.readString(version.resolve("train-summary.json")));
      assertThat(summary.get("privacy").get("released").get("requests").asLong()).as("something was released")
          .isPositive();
    }
  }

  @Test
  void withTumblingWindowsPublishReleasesTheNewestClosedWindowAsFileModeCountsItsDays() throws Exception {
    int days = 2;
    RewriterConfig windowed = StreamMiningIT.config("private-windows").with(ConfigKeys.PRIVACY_EPSILON, EPSILON)
        .with(ConfigKeys.PRIVACY_MAX_REQUESTS_PER_CUSTOMER, 2).with(ConfigKeys.CALIBRATION_ENABLED, false)
        .with(ConfigKeys.PRIVACY_WINDOW_DAYS, days);
    VoteWindows windows = new VoteWindows(days);
    long newest = lines.stream().mapToLong(l -> windows.of(timeOf(l))).max().orElseThrow();
    long closed = newest - 1;
    Map<String, Long> fileModeOfClosed = VoteTallies.votes(VoteTallies.mineFile(windowed, dir, lines.stream()
        .filter(l -> windows.of(timeOf(l)) == closed).toList()));
    assertThat(fileModeOfClosed).isNotEmpty();
    try (StreamJob job = caughtUpJob(windowed, "state-windows")) {
      Map<String, StatValue> stats = StatsTopicReader.read(broker.bootstrapServers(),
          windowed.get(ConfigKeys.STATS_TOPIC));
      assertThat(stats.keySet()).as("windowed votes only").allMatch(k -> StatKey.kind(k) == StatKey.WINDOWED_VOTE);
      assertThat(VoteWindows.latestClosed(stats)).isEqualTo(closed);
      assertThat(VoteTallies.votes(VoteWindows.votesOf(stats, closed))).as("each customer bounded per window")
          .isEqualTo(fileModeOfClosed);

      Path yaml = publishConfig(windowed, "config-windows.yaml");
      Path published = dir.resolve("published-windows");
      assertThat(RewriteCli.run("publish", "--config", yaml.toString(), "--bootstrap", broker.bootstrapServers(),
          "--model", published.toString())).isZero();
      assertThat(PrivacyLedger.of(published).entries()).singleElement().satisfies(e -> assertThat(e.window())
          .contains("window " + windows.firstDay(closed) + " to " + windows.lastDay(closed)));
      assertThat(RewriteCli.run("publish", "--config", yaml.toString(), "--bootstrap", broker.bootstrapServers(),
          "--model", published.toString())).as("the same closed window again: nothing new, nothing spent").isZero();
      assertThat(PrivacyLedger.of(published).entries()).hasSize(1);
      assertThat(new org.selflearn.rewriter.online.ModelHome(published).versions()).containsExactly("v-000001");
    }
  }

  /** The job of {@code c}, started on the whole training log (produced to its input topic) and caught up. */
  private static StreamJob caughtUpJob(RewriterConfig c, String state) throws InterruptedException {
    try (Admin admin = broker.admin()) {
      Topics.ensure(admin, c, 3, (short) 1);
    }
    EventFileProducer.produce(logs, broker.bootstrapServers(), c.get(ConfigKeys.INPUT_TOPIC));
    StreamJob job = new StreamJob(c, broker.bootstrapServers(), dir.resolve(state).toString(),
        new SimpleMeterRegistry());
    job.start();
    try (Admin admin = broker.admin()) {
      assertThat(StreamJob.awaitCaughtUp(admin, c, Duration.ofMinutes(4), broker.bootstrapServers())).isTrue();
    } catch (RuntimeException | AssertionError e) {
      job.close();
      throw e;
    }
    return job;
  }

  /** The YAML a `publish --bootstrap` of the job of {@code c} reads: its topics and its privacy settings. */
  private static Path publishConfig(RewriterConfig c, String name) throws IOException {
    Path yaml = dir.resolve(name);
    Files.writeString(yaml, String.join("\n", "stream.stats-topic: " + c.get(ConfigKeys.STATS_TOPIC),
        "stream.facts-topic: " + c.get(ConfigKeys.FACTS_TOPIC),
        "stream.application-id: " + c.get(ConfigKeys.APPLICATION_ID),
        "stream.input-topic: " + c.get(ConfigKeys.INPUT_TOPIC), "calibration.enabled: false",
        "privacy.epsilon: " + c.get(ConfigKeys.PRIVACY_EPSILON),
        "privacy.max-requests-per-customer: " + c.get(ConfigKeys.PRIVACY_MAX_REQUESTS_PER_CUSTOMER),
        "privacy.window-days: " + c.get(ConfigKeys.PRIVACY_WINDOW_DAYS), ""));
    return yaml;
  }

  private static long timeOf(String line) {
    try {
      return java.time.Instant.parse(Jackson.readTree(line).get("timestamp").asText()).toEpochMilli();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String customerOf(String line) {
    try {
      return Jackson.readTree(line).get("customerId").asText();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The stream's vote tally once it equals {@code expected}, or its last state after the timeout. */
  private static Map<String, Long> votesWhenEqual(Map<String, Long> expected) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    Map<String, Long> now = new TreeMap<>();
    while (System.nanoTime() < deadline) {
      now = VoteTallies.votes(StatsTopicReader.read(broker.bootstrapServers(),
          config.get(ConfigKeys.STATS_TOPIC)));
      if (now.equals(expected)) {
        return now;
      }
      Thread.sleep(1000);
    }
    return now;
  }
}
