package org.selflearn.rewriter.offline.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.mining.MinedStats;
import org.selflearn.rewriter.offline.train.CustomerMemory;
import org.selflearn.rewriter.offline.train.MinedInputs;
import org.selflearn.rewriter.offline.train.TrainJob;
import org.selflearn.rewriter.online.ModelDirectory;
import org.selflearn.rewriter.online.index.GlobalIndex;
import org.selflearn.rewriter.online.index.PersonalEntry;
import org.selflearn.rewriter.online.index.PersonalMemory;
import org.selflearn.rewriter.online.index.PersonalProfile;
import org.selflearn.rewriter.online.rank.LogisticRanker;
import org.selflearn.rewriter.online.table.RewriteTable;
import org.selflearn.rewriter.simulator.BuiltInWorld;
import org.selflearn.rewriter.simulator.LogSimulator;
import org.selflearn.rewriter.simulator.SimulationOptions;

/**
 * Everything a model needs, kept by the streaming job on a real in-process broker, gives the same model as file mode
 * from the same events; an erasure request reaches the job's state and its topics.
 */
@Tag("integration")
class StreamModelIT {
  @TempDir
  static Path dir;
  static EmbeddedKafkaBroker broker;
  static Path logs;
  static RewriterConfig config;
  static MinedInputs fileMode;

  @BeforeAll
  static void mineTheFileAndStreamIt() {
    broker = EmbeddedKafkaBroker.start();
    Path world = dir.resolve("world");
    new LogSimulator(BuiltInWorld.build(11), SimulationOptions.of(200, 5, 11)).run(world, d -> { });
    logs = world.resolve(LogSimulator.TRAIN_FILE);
    // a small sample, so that the stream's per-task samples must really be merged and cut to size
    config = StreamMiningIT.config("model").with(ConfigKeys.RANKER_EXAMPLES_PER_KIND, 300)
        .with(ConfigKeys.CALIBRATION_ENABLED, false);
    fileMode = new TrainJob(config, Clock.systemUTC(), m -> { }).mine(logs).inputs();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void streamModeKeepsWhatFileModeMinesAndBuildsTheSameModelAndErasureReachesTheStream() throws Exception {
    try (Admin admin = broker.admin()) {
      Topics.ensure(admin, config, 3, (short) 1);
    }
    EventFileProducer.produce(logs, broker.bootstrapServers(), config.get(ConfigKeys.INPUT_TOPIC));
    MinedInputs streamMode;
    String erased = busiestCustomer(fileMode);
    try (StreamJob job = new StreamJob(config, broker.bootstrapServers(), dir.resolve("state").toString(),
        new SimpleMeterRegistry()); Admin admin = broker.admin()) {
      job.start();
      assertThat(StreamJob.awaitCaughtUp(admin, config, Duration.ofMinutes(4), broker.bootstrapServers())).isTrue();
      streamMode = StreamModelSource.read(broker.bootstrapServers(), config);

      assertThat(streamMode.stats()).isEqualTo(fileMode.stats());
      assertThat(streamMode.facts()).isEqualTo(fileMode.facts());
      assertThat(bytes(streamMode.memories())).isEqualTo(bytes(fileMode.memories()));
      assertThat(streamMode.positives()).hasSize(300).isEqualTo(fileMode.positives());
      assertThat(streamMode.negatives()).hasSize(300).isEqualTo(fileMode.negatives());
      assertThat(streamMode.positives().stream().anyMatch(e -> e.customerId().equals(erased))
          || streamMode.negatives().stream().anyMatch(e -> e.customerId().equals(erased))).isTrue();

      ErasureRequest.send(broker.bootstrapServers(), config, erased, Duration.ofSeconds(30));
      MinedInputs after = awaitErased(erased);
      assertThat(after.memories()).doesNotContainKey(erased).hasSize(fileMode.memories().size() - 1);
      assertThat(after.positives()).noneMatch(e -> e.customerId().equals(erased));
      assertThat(after.negatives()).noneMatch(e -> e.customerId().equals(erased));
      assertThat(after.stats()).as("statistics hold no customer id and stay").isEqualTo(fileMode.stats());
      assertThat(job.metrics().erasures.count()).isEqualTo(1.0);

      // what a deployment runs: publish from the stream's topics into a versioned directory, then serve from it
      Path yaml = dir.resolve("config.yaml");
      java.nio.file.Files.writeString(yaml, String.join("\n", "stream.stats-topic: " + config.get(ConfigKeys.STATS_TOPIC),
          "stream.facts-topic: " + config.get(ConfigKeys.FACTS_TOPIC),
          "stream.application-id: " + config.get(ConfigKeys.APPLICATION_ID),
          "stream.input-topic: " + config.get(ConfigKeys.INPUT_TOPIC), "ranker.examples-per-kind: 300",
          "calibration.holdout-fraction: 0.25", ""));
      Path published = dir.resolve("published");
      assertThat(org.selflearn.rewriter.offline.cli.RewriteCli.run("publish", "--config", yaml.toString(),
          "--bootstrap", broker.bootstrapServers(), "--model", published.toString())).isZero();
      assertThat(java.nio.file.Files.readString(published.resolve("CURRENT")).trim()).isEqualTo("v-000001");
      Path version = published.resolve("versions/v-000001");
      assertThat(java.nio.file.Files.readString(version.resolve("calibration.json")))
          .as("calibrated on the input topic read back").contains("heldOut").doesNotContain("none: calibration");
      try (org.selflearn.rewriter.online.QueryRewriter served = org.selflearn.rewriter.online.QueryRewriter.open(
          published, RewriterConfig.defaults())) {
        assertThat(served.modelVersion()).isEqualTo("v-000001");
      }
      try (PersonalMemory pm = PersonalMemory.open(version.resolve("personal"))) {
        assertThat(pm.get(erased).entries()).as("erased before the publish: not in the published model").isEmpty();
        assertThat(pm.get(erased).pairs()).isEmpty();
        assertThat(pm.get(streamMode.memories().keySet().stream().filter(k -> !k.equals(erased)).sorted()
            .findFirst().orElseThrow()).entries()).as("the others are").isNotEmpty();
      }
    }

    Path a = dir.resolve("model-file");
    Path b = dir.resolve("model-stream");
    TrainJob job = new TrainJob(config, Clock.systemUTC(), m -> { });
    job.build(fileMode, null, a, null, null, new LinkedHashMap<>(), System.nanoTime());
    job.build(streamMode, null, b, null, null, new LinkedHashMap<>(), System.nanoTime());
    assertSameModel(new ModelDirectory(a), new ModelDirectory(b), fileMode);
  }

  private static MinedInputs awaitErased(String customer) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    MinedInputs now;
    do {
      Thread.sleep(1000);
      now = StreamModelSource.read(broker.bootstrapServers(), config);
    } while (now.memories().containsKey(customer) && System.nanoTime() < deadline);
    return now;
  }

  private static String busiestCustomer(MinedInputs inputs) {
    String best = null;
    int most = -1;
    for (Map.Entry<String, CustomerMemory> e : new TreeMap<>(inputs.memories()).entrySet()) {
      int n = e.getValue().toBytes().length;
      if (n > most) {
        most = n;
        best = e.getKey();
      }
    }
    return best;
  }

  private static Map<String, List<Byte>> bytes(Map<String, CustomerMemory> memories) {
    Map<String, List<Byte>> out = new TreeMap<>();
    memories.forEach((k, v) -> {
      List<Byte> l = new ArrayList<>();
      for (byte x : v.toBytes()) {
        l.add(x);
      }
      out.put(k, l);
    });
    return out;
  }

  private static void assertSameModel(ModelDirectory a, ModelDirectory b, MinedInputs inputs) {
    MinedStats stats = inputs.minedStats();
    try (RewriteTable ta = RewriteTable.openCurrent(a.table()); RewriteTable tb = RewriteTable.openCurrent(b.table());
        GlobalIndex ga = new GlobalIndex(a.global()); GlobalIndex gb = new GlobalIndex(b.global());
        PersonalMemory pa = PersonalMemory.open(a.personal()); PersonalMemory pb = PersonalMemory.open(b.personal())) {
      assertThat(ta.entries()).isPositive().isEqualTo(tb.entries());
      assertThat(ga.size()).isPositive().isEqualTo(gb.size());
      int rewrites = 0;
      for (String state : stats.states().keySet()) {
        assertThat(tb.lookup(state)).isEqualTo(ta.lookup(state));
        rewrites += ta.lookup(state) == null ? 0 : 1;
        var ea = ga.lookup(state);
        var eb = gb.lookup(state);
        assertThat(eb == null).isEqualTo(ea == null);
        if (ea != null) {
          assertThat(List.of(eb.text(), eb.turns(), eb.successes(), eb.successCustomers(), eb.domainIntent()))
              .isEqualTo(List.of(ea.text(), ea.turns(), ea.successes(), ea.successCustomers(), ea.domainIntent()));
        }
      }
      assertThat(rewrites).isEqualTo(ta.entries());
      for (String customer : inputs.memories().keySet()) {
        assertThat(describe(pb.get(customer))).isEqualTo(describe(pa.get(customer)));
      }
    }
    Map<String, Double> wa = LogisticRanker.load(a.ranker()).weightsByName();
    Map<String, Double> wb = LogisticRanker.load(b.ranker()).weightsByName();
    assertThat(wb.keySet()).isEqualTo(wa.keySet());
    wa.forEach((k, v) -> assertThat(wb.get(k)).as(k).isCloseTo(v, within(1e-9)));
  }

  private static String describe(PersonalProfile p) {
    if (p == null) {
      return "none";
    }
    StringBuilder sb = new StringBuilder();
    for (PersonalEntry e : p.entries()) {
      sb.append(e.text()).append('/').append(e.count()).append('/').append(e.lastMillis()).append('/')
          .append(e.domainIntent()).append(';');
    }
    return sb.append(p.pairs()).toString();
  }
}
