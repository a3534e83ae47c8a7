package org.selflearn.rewriter.offline.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selflearn.rewriter.common.event.RewriteSource;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.replay.ReplayJob;
import org.selflearn.rewriter.online.LayerCalibration;
import org.selflearn.rewriter.online.QueryRewriter;
import org.selflearn.rewriter.online.RewriteRequest;
import org.selflearn.rewriter.online.RewriteResult;
import org.selflearn.rewriter.online.embed.Embedder;
import org.selflearn.rewriter.simulator.BuiltInWorld;
import org.selflearn.rewriter.simulator.LogSimulator;
import org.selflearn.rewriter.simulator.SimulationOptions;

/** Train on a simulated world with the real MiniLM model, replay its eval days, and break things on purpose. */
@Tag("integration")
class TrainReplayIT {
  @TempDir
  static Path dir;
  static Path model;
  static Map<String, Object> report;
  /** A near miss of a request of the built-in world: retrieval finds candidates for it, so it is embedded. */
  private static final String NEAR_MISS = "play maj and dragonz";

  @BeforeAll
  static void trainAndReplay() {
    Path world = dir.resolve("world");
    new LogSimulator(BuiltInWorld.build(3), SimulationOptions.of(600, 10, 3)).run(world, d -> { });
    model = dir.resolve("model");
    new TrainJob(RewriterConfig.defaults(), Clock.systemUTC(), m -> { }).train(world.resolve("train.jsonl"), model);
    report = new ReplayJob(RewriterConfig.defaults(), 2, m -> { }).run(model, world.resolve("eval.jsonl"), true)
        .report();
  }

  @Test
  void theReportFollowsTheContractAndRewritesWinFarMoreThanTheyLose() {
    assertThat(report).containsKeys("turns", "defectsBefore", "triggered", "wins", "losses", "neutral",
        "winLossRatio", "defectRateBefore", "defectRateAfter", "defectReduction", "bySource", "latencyMicros");
    assertThat(((Map<?, ?>) report.get("bySource")).keySet()).map(Object::toString)
        .contains("PRECOMPUTED", "PERSONAL", "GLOBAL");
    long wins = (long) report.get("wins");
    long losses = (long) report.get("losses");
    // the README's target is 12:1 for precomputed rewrites (89:1 measured) and its built-in world gives 62:1 overall
    assertThat(wins).as("all sources, at least 12:1").isGreaterThanOrEqualTo(12 * Math.max(1, losses));
    Map<?, ?> table = (Map<?, ?>) ((Map<?, ?>) report.get("bySource")).get("PRECOMPUTED");
    long tableWins = ((Number) table.get("wins")).longValue();
    long tableLosses = ((Number) table.get("losses")).longValue();
    assertThat(tableWins).as("precomputed wins").isPositive();
    assertThat(tableWins).as("precomputed, at least 12:1").isGreaterThanOrEqualTo(12 * Math.max(1, tableLosses));
    assertThat((double) report.get("defectReduction")).isGreaterThan(0.2);
    assertThat(report).containsKeys("baselines", "ablations");
    assertThat(((Map<?, ?>) report.get("baselines")).keySet()).map(Object::toString)
        .contains("noRewrite", "pairCounting", "naiveChain", "naiveChainWithRules", "spellCorrection");
  }

  @Test
  void trainingCalibratesItsLayersOnItsOwnLatestDaysAndSaysWhy() throws Exception {
    com.fasterxml.jackson.databind.JsonNode c = org.selflearn.rewriter.common.codec.Jackson.readTree(
        model.resolve("calibration.json"));
    assertThat(c.path("serve").path("precomputed").isBoolean()).isTrue();
    com.fasterxml.jackson.databind.JsonNode layers = c.path("heldOut").path("layers");
    for (String layer : List.of("ownHistory", "precomputed", "rankedPersonal", "rankedGlobal")) {
      assertThat(layers.path(layer).path("why").asText()).as(layer).isNotEmpty();
      assertThat(layers.path(layer).path("serve").asBoolean()).as(layer)
          .isEqualTo(c.path("serve").path(layer).asBoolean());
    }
    assertThat(c.path("heldOut").path("heldOutEvents").asLong()).isPositive();
  }

  @Test
  void forgettingACustomerErasesTheirPersonalMemory() {
    String someone = firstCustomer(); // a customer with a successful request has a memory
    try (QueryRewriter r = QueryRewriter.open(model, RewriterConfig.defaults())) {
      assertThat(r.forget("c-never-seen")).isFalse();
      assertThat(r.forget(someone)).isTrue();
      assertThat(r.forget(someone)).isFalse();
    }
    try (QueryRewriter r = QueryRewriter.open(model, RewriterConfig.defaults())) {
      assertThat(r.forget(someone)).as("still erased after reopening").isFalse();
    }
  }

  private static String firstCustomer() {
    try (var lines = Files.lines(dir.resolve("world/train.jsonl"))) {
      String line = lines.filter(l -> l.contains("\"SUCCESS\"")).findFirst().orElseThrow();
      int i = line.indexOf("\"customerId\":\"") + 14;
      return line.substring(i, line.indexOf('"', i));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aFailureInsideTheRewriterReturnsTheRequestUnchangedAndCountsWhy() throws IOException {
    Embedder broken = new Embedder() {
      @Override
      public int dimension() {
        return 384;
      }

      @Override
      public float[] embed(String text) {
        throw new IllegalStateException("model exploded");
      }

      @Override
      public String describe() {
        return "broken";
      }
    };
    RewriterConfig noTable = RewriterConfig.defaults().with(ConfigKeys.PRECOMPUTED_ENABLED, false);
    try (QueryRewriter r = QueryRewriter.open(everyLayerServing(), noTable, new io.micrometer.core.instrument.simple
        .SimpleMeterRegistry(), broken)) {
      RewriteResult res = r.rewrite(RewriteRequest.of(NEAR_MISS, "c-1"));
      assertThat(res.changed()).isFalse();
      assertThat(res.effective()).isEqualTo(NEAR_MISS);
      assertThat(r.metrics().failures()).containsKey("error:IllegalStateException");
    }
  }

  @Test
  void aBlownBudgetReturnsUnchangedWithinTheBudget() throws IOException {
    Embedder slow = new Embedder() {
      @Override
      public int dimension() {
        return 384;
      }

      @Override
      public float[] embed(String text) {
        if (!text.equals(NEAR_MISS)) {
          return new float[384]; // opening (and its warm-up) stays fast: only the request under test is slow
        }
        try {
          Thread.sleep(2_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return new float[384];
      }

      @Override
      public String describe() {
        return "slow";
      }
    };
    RewriterConfig c = RewriterConfig.defaults().with(ConfigKeys.PRECOMPUTED_ENABLED, false)
        .with(ConfigKeys.BUDGET_MS, 20.0);
    try (QueryRewriter r = QueryRewriter.open(everyLayerServing(), c, new io.micrometer.core.instrument.simple
        .SimpleMeterRegistry(), slow)) {
      long t0 = System.nanoTime();
      RewriteResult res = r.rewrite(RewriteRequest.of(NEAR_MISS, "c-1"));
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertThat(res.reason()).isEqualTo("budget");
      assertThat(ms).isLessThan(1_000);
      assertThat(r.metrics().failures()).containsKey("budget");
    }
  }

  @Test
  void aBrokenModelFileIsRefusedWhenOpeningNotOnTheRequestPath() throws IOException {
    Path copy = dir.resolve("broken-model");
    copyTree(model, copy);
    Files.writeString(copy.resolve("ranker.json"), "{\"formatVersion\": 1, \"features\": [\"other\"]}");
    assertThatThrownBy(() -> QueryRewriter.open(copy, RewriterConfig.defaults()))
        .hasMessageContaining("ranker");
  }

  @Test
  void aPublishedTableIsPickedUpWithoutReopening() {
    // no background reloader: it could pick the new version up first and leave reloadIfChanged() nothing to do
    RewriterConfig noBackgroundReload = RewriterConfig.defaults().with(ConfigKeys.RELOAD_SECONDS, 0);
    try (QueryRewriter r = QueryRewriter.open(model, noBackgroundReload)) {
      String before = r.tableVersion();
      new org.selflearn.rewriter.offline.solve.TablePublisher(Clock.systemUTC(), 3).publish(model.resolve("table"),
          Map.of("hello wrld", new org.selflearn.rewriter.online.table.TableEntry("hello world", 0.9, 9, 9, 0, 1)),
          Map.of());
      assertThat(r.reloadIfChanged()).isTrue();
      assertThat(r.tableVersion()).isNotEqualTo(before);
      RewriteResult res = r.rewrite(RewriteRequest.of("Hello wrld!", null));
      assertThat(res.rewrite()).isEqualTo("hello world");
      assertThat(res.source()).isEqualTo(RewriteSource.PRECOMPUTED);
    }
  }

  /**
   * A copy of the trained model whose calibration serves every layer: the fail-open tests need a request that reaches
   * retrieval (and its encoder), whatever this small world's held-out days decided about the ranked layers.
   */
  private static synchronized Path everyLayerServing() throws IOException {
    Path copy = dir.resolve("every-layer");
    if (!Files.isDirectory(copy)) {
      copyTree(model, copy);
      double threshold = ((Number) org.selflearn.rewriter.offline.io.Json.readObject(copy.resolve("ranker.json"))
          .get("threshold")).doubleValue();
      org.selflearn.rewriter.offline.io.Json.write(copy.resolve(LayerCalibration.FILE),
          Map.of("serve", LayerCalibration.allOn(threshold).toMap()));
    }
    return copy;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (!p.getFileName().toString().equals("LOCK")) {
          Files.copy(p, target);
        }
      }
    }
  }
}
