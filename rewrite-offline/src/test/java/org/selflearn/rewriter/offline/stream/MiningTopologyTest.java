package org.selflearn.rewriter.offline.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selflearn.rewriter.common.codec.Jackson;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.mining.FileMiner;
import org.selflearn.rewriter.offline.mining.MiningSettings;
import org.selflearn.rewriter.offline.mining.StatValue;
import org.selflearn.rewriter.simulator.BuiltInWorld;
import org.selflearn.rewriter.simulator.LogSimulator;
import org.selflearn.rewriter.simulator.SimulationOptions;

/** The topology of each {@link MiningScope} under {@link TopologyTestDriver}, against file mode on the same events. */
class MiningTopologyTest {
  private static final RewriterConfig CONFIG = RewriterConfig.defaults().with(ConfigKeys.IDLE_FLUSH_SECONDS, 5);
  @TempDir
  static Path dir;
  static List<String> lines;
  static Map<String, StatValue> fileMode;

  @BeforeAll
  static void simulateAndMineInFileMode() throws IOException {
    Path world = dir.resolve("world");
    new LogSimulator(BuiltInWorld.build(3), SimulationOptions.of(120, 3, 3)).run(world, d -> { });
    Path file = world.resolve(LogSimulator.TRAIN_FILE);
    lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    FileMiner miner = new FileMiner(MiningSettings.from(CONFIG));
    miner.mine(file, r -> { });
    fileMode = miner.finish();
  }

  @Test
  void shouldMineTheStatisticsOfFileModeAndKeepModelStateOnlyInTheModelScope() throws IOException {
    for (MiningScope scope : MiningScope.values()) {
      try (TopologyTestDriver driver = driver(scope)) {
        Map<String, StatValue> streamed = mine(driver);
        assertThat(streamed).as(scope.name()).isEqualTo(fileMode);
        KeyValueStore<String, byte[]> memories = driver.getKeyValueStore(ModelStateKeeper.MEMORIES_STORE);
        if (scope == MiningScope.MODEL) {
          assertThat(count(memories)).as("customers with a memory").isPositive();
          assertThat(count(driver.getKeyValueStore(ModelStateKeeper.SAMPLE_STORE))).as("sampled examples")
              .isPositive();
        } else {
          assertThat(memories).as("no memory store in the statistics-only scope").isNull();
          assertThat(driver.getAllStateStores()).doesNotContainKeys(ModelStateKeeper.SAMPLE_STORE,
              MiningTopology.FACTS_STORE);
        }
      }
    }
  }

  @Test
  void withPrivacyOnTheStatisticsAreFileModesBoundedVotesAndAnErasureRetractsTheCustomersVotes() throws IOException {
    RewriterConfig on = CONFIG.with(ConfigKeys.PRIVACY_EPSILON, 1.0).with(ConfigKeys.PRIVACY_MAX_REQUESTS_PER_CUSTOMER,
        2);
    String erased = Jackson.readTree(lines.get(0)).get("customerId").asText();
    List<String> others = new java.util.ArrayList<>();
    for (String line : lines) {
      if (!Jackson.readTree(line).get("customerId").asText().equals(erased)) {
        others.add(line);
      }
    }
    try (TopologyTestDriver driver = driver(on, MiningScope.MODEL)) {
      Map<String, StatValue> streamed = mine(driver, lines);
      assertThat(streamed.keySet()).allMatch(k -> k.startsWith("V\t"));
      Map<String, Long> fileVotes = VoteTallies.votes(VoteTallies.mineFile(on, dir, lines));
      assertThat(VoteTallies.votes(streamed)).isNotEmpty().isEqualTo(fileVotes);
      assertThat(count(driver.getKeyValueStore(VoteKeeper.STORE))).as("customers with a vote window").isPositive();

      driver.createInputTopic(on.get(ConfigKeys.ERASURE_TOPIC), new StringSerializer(), new ByteArraySerializer())
          .pipeInput(erased, new byte[0]);
      streamed.putAll(read(driver, on));
      Map<String, Long> withoutErased = VoteTallies.votes(VoteTallies.mineFile(on, dir, others));
      assertThat(withoutErased).isNotEqualTo(fileVotes);
      assertThat(VoteTallies.votes(streamed)).as("the erased customer's votes retracted").isEqualTo(withoutErased);
      assertThat(driver.getKeyValueStore(VoteKeeper.STORE).get(erased)).isNull();
    }
    try (TopologyTestDriver driver = driver(CONFIG, MiningScope.MODEL)) {
      assertThat(driver.getAllStateStores()).as("privacy off: no vote store").doesNotContainKey(VoteKeeper.STORE);
    }
  }

  private static TopologyTestDriver driver(MiningScope scope) throws IOException {
    return driver(CONFIG, scope);
  }

  private static TopologyTestDriver driver(RewriterConfig config, MiningScope scope) throws IOException {
    Path state = Files.createTempDirectory(dir, "state");
    return new TopologyTestDriver(MiningTopology.buildTopology(config, new StreamMetrics(new SimpleMeterRegistry()),
        scope), MiningTopology.streamsConfig(config, "unused:9092", state.toString()));
  }

  /** Pipes every line, lets the idle flush close the last sessions, and folds the statistics topic. */
  private static Map<String, StatValue> mine(TopologyTestDriver driver) throws IOException {
    return mine(driver, lines);
  }

  private static Map<String, StatValue> mine(TopologyTestDriver driver, List<String> logLines) throws IOException {
    TestInputTopic<String, byte[]> in = driver.createInputTopic(CONFIG.get(ConfigKeys.INPUT_TOPIC),
        new StringSerializer(), new ByteArraySerializer());
    for (String line : logLines) {
      in.pipeInput(Jackson.readTree(line).get("customerId").asText(), line.getBytes(StandardCharsets.UTF_8));
    }
    driver.advanceWallClockTime(Duration.ofSeconds(CONFIG.get(ConfigKeys.IDLE_FLUSH_SECONDS) + 1));
    driver.advanceWallClockTime(Duration.ofSeconds(1));
    return read(driver, CONFIG);
  }

  /** What the statistics topic received since it was last read: the latest value of each key. */
  private static Map<String, StatValue> read(TopologyTestDriver driver, RewriterConfig config) {
    TestOutputTopic<String, StatValue> out = driver.createOutputTopic(config.get(ConfigKeys.STATS_TOPIC),
        new StringDeserializer(), StatValueSerde.serde().deserializer());
    Map<String, StatValue> stats = new HashMap<>();
    out.readKeyValuesToList().forEach(kv -> stats.put(kv.key, kv.value));
    return stats;
  }

  private static long count(KeyValueStore<String, ?> store) {
    long n = 0;
    try (KeyValueIterator<String, ?> it = store.all()) {
      for (; it.hasNext(); it.next()) {
        n++;
      }
    }
    return n;
  }
}
