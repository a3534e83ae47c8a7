package org.selflearn.rewriter.offline.shard;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.selflearn.rewriter.common.codec.EventFileReader;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.stream.EmbeddedKafkaBroker;
import org.selflearn.rewriter.offline.stream.EventFileProducer;
import org.selflearn.rewriter.offline.stream.StreamJob;
import org.selflearn.rewriter.offline.stream.StreamModelSource;
import org.selflearn.rewriter.offline.stream.Topics;
import org.selflearn.rewriter.offline.train.CustomerMemory;
import org.selflearn.rewriter.offline.train.IndexBuilder;
import org.selflearn.rewriter.offline.train.MinedInputs;
import org.selflearn.rewriter.offline.train.TrainJob;
import org.selflearn.rewriter.online.QueryRewriter;
import org.selflearn.rewriter.online.RewriteRequest;
import org.selflearn.rewriter.online.RewriteResult;
import org.selflearn.rewriter.online.embed.Embedder;
import org.selflearn.rewriter.online.embed.Embedders;
import org.selflearn.rewriter.online.index.PersonalLookup;
import org.selflearn.rewriter.serve.RewriteBackend;
import org.selflearn.rewriter.serve.RewriteServer;
import org.selflearn.rewriter.serve.ServeSettings;
import org.selflearn.rewriter.simulator.BuiltInWorld;
import org.selflearn.rewriter.simulator.LogSimulator;
import org.selflearn.rewriter.simulator.SimulationOptions;

/**
 * Two serving instances share the customers' memories kept by a real streaming job on a real in-process broker:
 * each answers every customer exactly as one instance serving the model's own copy does, fetching the memories it
 * does not hold from the other over HTTP; a customer's new sessions reach both without a publish; an erasure reaches
 * both; when one instance leaves, the other takes its partitions over.
 */
@Tag("integration")
class ShardedServeIT {
  @TempDir
  static Path dir;
  static EmbeddedKafkaBroker broker;
  static RewriterConfig config;
  static Path world;
  static MinedInputs fileMode;
  static String late;

  @BeforeAll
  static void world() {
    broker = EmbeddedKafkaBroker.start();
    world = dir.resolve("world");
    new LogSimulator(BuiltInWorld.build(11), SimulationOptions.of(200, 5, 11)).run(world, d -> { });
    config = RewriterConfig.defaults().with(ConfigKeys.APPLICATION_ID, "app-shard")
        .with(ConfigKeys.INPUT_TOPIC, "events-shard").with(ConfigKeys.STATS_TOPIC, "stats-shard")
        .with(ConfigKeys.DEAD_LETTER_TOPIC, "dlq-shard").with(ConfigKeys.FACTS_TOPIC, "facts-shard")
        // idle flush: long enough that a loaded 2-core machine never splits one customer's session between two polls
        // (a split session loses its rephrase pair, and the memory then differs from file mode's)
        .with(ConfigKeys.ERASURE_TOPIC, "erasures-shard").with(ConfigKeys.IDLE_FLUSH_SECONDS, 6)
        .with(ConfigKeys.COMMIT_INTERVAL_MS, 200).with(ConfigKeys.RANKER_EXAMPLES_PER_KIND, 300)
        .with(ConfigKeys.CALIBRATION_ENABLED, false).with(ConfigKeys.BUDGET_MS, 2000.0)
        .with(ConfigKeys.SHARD_SESSION_TIMEOUT_MS, 6000).with(ConfigKeys.SHARD_FORWARD_TIMEOUT_MS, 2000);
    fileMode = new TrainJob(config, Clock.systemUTC(), m -> { }).mine(world.resolve(LogSimulator.TRAIN_FILE))
        .inputs();
    late = richestCustomer(fileMode);
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void instancesShareMemoriesAnswerLikeOneInstanceAndFollowTheStream() throws Exception {
    Path early = dir.resolve("early.jsonl");
    Path lateEvents = dir.resolve("late.jsonl");
    split(world.resolve(LogSimulator.TRAIN_FILE), late, early, lateEvents);
    try (Admin admin = broker.admin()) {
      Topics.ensure(admin, config, 4, (short) 1);
    }
    EventFileProducer.produce(early, broker.bootstrapServers(), config.get(ConfigKeys.INPUT_TOPIC));
    try (StreamJob job = new StreamJob(config, broker.bootstrapServers(), dir.resolve("mining").toString(),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)); Admin admin = broker.admin()) {
      job.start();
      assertThat(StreamJob.awaitCaughtUp(admin, config, Duration.ofMinutes(4), broker.bootstrapServers())).isTrue();
      MinedInputs streamed = StreamModelSource.read(broker.bootstrapServers(), config);
      assertThat(streamed.memories()).doesNotContainKey(late);
      Path model = dir.resolve("model");
      new TrainJob(config, Clock.systemUTC(), m -> { }).build(streamed, null, model, null, null,
          new LinkedHashMap<>(), System.nanoTime());
      // publishing for sharded serving reads only the sample's customers' memories, and trains the same ranker
      MinedInputs lean = StreamModelSource.read(broker.bootstrapServers(), config, false);
      java.util.Set<String> sampled = new java.util.HashSet<>();
      lean.examples().forEach(e -> sampled.add(e.customerId()));
      assertThat(lean.memories().keySet()).isSubsetOf(sampled).hasSizeLessThan(streamed.memories().size());
      Path leanModel = dir.resolve("model-lean");
      new TrainJob(config, Clock.systemUTC(), m -> { }).build(lean, null, leanModel, null, null,
          new LinkedHashMap<>(), System.nanoTime());
      assertThat(Files.readString(leanModel.resolve("ranker.json")))
          .isEqualTo(Files.readString(model.resolve("ranker.json")));

      try (Embedder embedder = Embedders.open(config.get(ConfigKeys.EMBEDDER), config.get(ConfigKeys.ONNX_MODEL_DIR));
          QueryRewriter single = QueryRewriter.open(model, config);
          Instance a = new Instance(config, model, embedder, dir.resolve("state-a"));
          Instance b = new Instance(config, model, embedder, dir.resolve("state-b"))) {
        String anyone = new TreeMap<>(streamed.memories()).firstKey();
        awaitHolding(List.of(a, b), anyone);

        Map<String, Integer> heldBy = new HashMap<>();
        int compared = 0;
        for (RewriteRequest r : requests(world.resolve(LogSimulator.EVAL_FILE), 400)) {
          String expected = single.rewrite(r).effective();
          for (Instance i : List.of(a, b)) {
            RewriteResult got = i.rewriter.rewrite(r);
            if (got.memoryHeldBy() == null) { // read failed open (a rebalance): counted, bounded below
              heldBy.merge("none: " + i.shard.lookup(r.customerId(), Long.MAX_VALUE).failure(), 1, Integer::sum);
              continue;
            }
            assertThat(got.effective()).as("request %s on %s", compared, i.shard.self()).isEqualTo(expected);
            heldBy.merge(got.memoryHeldBy().equals(i.shard.self()) ? "own" : "other", 1, Integer::sum);
          }
          compared++;
        }
        assertThat(compared).isEqualTo(400);
        assertThat(heldBy.get("own") + heldBy.get("other")).as("memories read: %s", heldBy).isGreaterThan(780);
        assertThat(heldBy.get("own")).as("each instance holds some customers").isGreaterThan(100);
        assertThat(heldBy.get("other")).as("and fetches the others' from the owner").isGreaterThan(100);
        assertThat(single.rewrite(RewriteRequest.of("x", anyone)).memoryHeldBy()).isEqualTo("local");
        // the partition a lookup computes by itself while the group rebalances is the one the metadata names
        for (String c : new TreeMap<>(streamed.memories()).keySet().stream().limit(200).toList()) {
          assertThat(a.shard.partitionOf(c)).as("partition of %s", c).isNotNegative()
              .isEqualTo(a.shard.metadataPartition(c));
        }

        // a customer's sessions reach every instance's memory without a publish
        assertThat(a.shard.lookup(late, Long.MAX_VALUE).profile().entries()).isEmpty();
        EventFileProducer.produce(lateEvents, broker.bootstrapServers(), config.get(ConfigKeys.INPUT_TOPIC));
        byte[] expected = IndexBuilder.profile(fileMode.memories().get(late),
            config.get(ConfigKeys.PERSONAL_MAX_ENTRIES), embedder::embed).toBytes();
        for (Instance i : List.of(a, b)) {
          assertThat(await(() -> java.util.Arrays.equals(i.shard.lookup(late, Long.MAX_VALUE).profile().toBytes(),
              expected), Duration.ofSeconds(90))).as("fresh memory on %s: %s (expected %s), state %s",
              i.shard.self(), i.shard.lookup(late, Long.MAX_VALUE),
              IndexBuilder.profile(fileMode.memories().get(late), config.get(ConfigKeys.PERSONAL_MAX_ENTRIES),
                  embedder::embed), i.shard.state()).isTrue();
        }

        // an erasure asked of one instance reaches both
        assertThat(a.rewriter.forget(late)).isTrue();
        for (Instance i : List.of(a, b)) {
          assertThat(await(() -> i.shard.lookup(late, Long.MAX_VALUE).profile().entries().isEmpty(),
              Duration.ofSeconds(60))).as("erased on %s", i.shard.self()).isTrue();
        }

        // one instance leaves: the other takes its partitions over and answers from its own store
        String theirs = customerHeldBy(b, streamed);
        b.close();
        assertThat(await(() -> {
          PersonalLookup l = a.shard.lookup(theirs, Long.MAX_VALUE);
          return a.shard.self().equals(l.heldBy()) && !l.profile().entries().isEmpty();
        }, Duration.ofSeconds(90))).as("partitions moved to the remaining instance").isTrue();
      }
    }
  }

  /** One serving instance: HTTP server, sharded store and rewriter, as {@code serve --bootstrap} wires them. */
  static final class Instance implements AutoCloseable {
    final RewriteServer server;
    final ShardedPersonalStore shard;
    final QueryRewriter rewriter;
    private boolean closed;

    Instance(RewriterConfig c, Path model, Embedder embedder, Path state) {
      RewriterConfig mine = c.with(ConfigKeys.STATE_DIR, state.toString());
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      server = RewriteServer.start(ServeSettings.from(mine.with(ConfigKeys.SERVE_PORT, 0)), null, registry, s -> { });
      shard = ShardedPersonalStore.start(mine, broker.bootstrapServers(), server.port(), embedder::embed, registry,
          null);
      rewriter = QueryRewriter.open(model, mine, registry, embedder, shard);
      server.serve(RewriteBackend.of(rewriter), shard);
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        server.close();
        shard.close();
      }
    }
  }

  private static void awaitHolding(List<Instance> instances, String customer) throws Exception {
    for (Instance i : instances) {
      assertThat(await(() -> i.shard.state() == org.apache.kafka.streams.KafkaStreams.State.RUNNING
          && !i.shard.lookup(customer, Long.MAX_VALUE).profile().entries().isEmpty(), Duration.ofSeconds(120)))
          .as("%s running", i.shard.self()).isTrue();
    }
  }

  private static String customerHeldBy(Instance i, MinedInputs inputs) {
    for (String c : new TreeMap<>(inputs.memories()).keySet()) {
      PersonalLookup l = i.shard.lookup(c, Long.MAX_VALUE);
      if (i.shard.self().equals(l.heldBy()) && !l.profile().entries().isEmpty()) {
        return c;
      }
    }
    throw new AssertionError("the instance holds no customer");
  }

  interface Check {
    boolean ok() throws Exception;
  }

  static boolean await(Check c, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (c.ok()) {
        return true;
      }
      Thread.sleep(200);
    }
    return c.ok();
  }

  private static List<RewriteRequest> requests(Path eval, int n) {
    List<RewriteRequest> out = new ArrayList<>();
    EventFileReader.forEach(eval, e -> {
      if (out.size() < n) {
        out.add(new RewriteRequest(e.utterance(), e.customerId(), e.deviceType(), e.timestamp(), null, false));
      }
    }, r -> { });
    return out;
  }

  /** Splits a log into the events of every customer but {@code customer}, and theirs. */
  private static void split(Path logs, String customer, Path others, Path theirs) throws Exception {
    List<String> mine = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    for (String line : Files.readAllLines(logs, StandardCharsets.UTF_8)) {
      (json.readTree(line).path("customerId").asText().equals(customer) ? mine : rest).add(line);
    }
    assertThat(mine).isNotEmpty();
    Files.write(others, rest, StandardCharsets.UTF_8);
    Files.write(theirs, mine, StandardCharsets.UTF_8);
  }

  /**
   * The customer with the largest memory that never reached the memory's bound (so the order in which the stream
   * closes their sessions cannot change what is kept).
   */
  private static String richestCustomer(MinedInputs inputs) {
    String best = null;
    int most = -1;
    int bound = config.get(ConfigKeys.PERSONAL_MAX_ENTRIES);
    for (Map.Entry<String, CustomerMemory> e : new TreeMap<>(inputs.memories()).entrySet()) {
      var p = IndexBuilder.profile(e.getValue(), bound, t -> new float[0]);
      int n = e.getValue().toBytes().length;
      if (n > most && p.entries().size() < bound && p.pairs().size() < bound) {
        most = n;
        best = e.getKey();
      }
    }
    return best;
  }
}
