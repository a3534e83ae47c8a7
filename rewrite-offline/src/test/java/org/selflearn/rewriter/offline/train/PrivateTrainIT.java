package org.selflearn.rewriter.offline.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selflearn.rewriter.config.ConfigLoader;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.io.Json;
import org.selflearn.rewriter.offline.mining.MinedStats;
import org.selflearn.rewriter.offline.mining.StatsFile;
import org.selflearn.rewriter.offline.replay.LogBaselines;
import org.selflearn.rewriter.offline.replay.ReplayJob;
import org.selflearn.rewriter.online.LayerCalibration;
import org.selflearn.rewriter.online.ModelDirectory;
import org.selflearn.rewriter.simulator.BuiltInWorld;
import org.selflearn.rewriter.simulator.LogSimulator;
import org.selflearn.rewriter.simulator.SimulationOptions;

/**
 * {@code train} with differential privacy on, on a simulated world with the real MiniLM model: the model records its
 * guarantee, holds only released statistics, quotes no customer, and still serves (its personal layer unchanged).
 */
@Tag("integration")
class PrivateTrainIT {
  @TempDir
  static Path dir;
  static Path model;
  static Map<String, Object> summary;
  static Map<String, Object> report;

  @BeforeAll
  static void trainAndReplay() {
    Path world = dir.resolve("world");
    new LogSimulator(BuiltInWorld.build(3), SimulationOptions.of(600, 10, 3)).run(world, d -> { });
    RewriterConfig config = ConfigLoader.load(null, Map.of("REWRITER_PRIVACY_EPSILON", "8",
        "REWRITER_PRIVACY_MAX_REQUESTS_PER_CUSTOMER", "1"));
    model = dir.resolve("model");
    summary = new TrainJob(config, Clock.systemUTC(), m -> { }).train(world.resolve("train.jsonl"), model);
    report = new ReplayJob(RewriterConfig.defaults(), 2, m -> { }).run(model, world.resolve("eval.jsonl"), false)
        .report();
  }

  @Test
  void theManifestAndTheSummaryRecordTheGuarantee() {
    Map<String, Object> manifest = map(Json.readObject(new ModelDirectory(model).manifest()).get("privacy"));
    assertThat(manifest).containsEntry("epsilon", 8.0).containsEntry("delta", 1e-6)
        .containsEntry("maxChainsPerRequest", 3).containsEntry("maxRequestsPerCustomer", 1);
    assertThat(map(summary.get("privacy"))).containsKeys("selection", "counts", "released");
    assertThat(map(map(summary.get("mining")).get("bounding"))).containsKey("droppedRequests");
    assertThat(String.valueOf(map(summary.get("ranker")).get("public"))).as("the ranker reads no customer's data")
        .contains("built-in simulated world");
    assertThat(String.valueOf(map(summary.get("calibration")).get("heldOut"))).as("nor do the layer choices")
        .contains("privacy.calibrate=false");
  }

  @Test
  void theModelHoldsReleasedStatisticsOnlyAndQuotesNoCustomer() throws Exception {
    ModelDirectory d = new ModelDirectory(model);
    MinedStats stats = StatsFile.read(d.stats()); // a vote left in would be refused here
    assertThat(stats.pairs()).as("rewrites many customers agreed on are released").isNotEmpty();
    assertThat(LogBaselines.collectedIn(d.baselines())).as("no baseline mined from the raw logs").isFalse();
    for (Path file : new Path[] {d.ranker(), model.resolve(LayerCalibration.FILE), d.trainSummary()}) {
      assertThat(Files.readString(file)).as(file.toString()).doesNotContain("sampleOfHeldOutLosses",
          "contradictedExamples");
    }
  }

  @Test
  void thePrivateModelServesAndItsPersonalLayerWins() {
    Map<?, ?> personal = (Map<?, ?>) ((Map<?, ?>) report.get("bySource")).get("PERSONAL");
    assertThat(((Number) personal.get("wins")).longValue()).isPositive();
    assertThat((long) report.get("wins")).isGreaterThanOrEqualTo(12 * Math.max(1, (long) report.get("losses")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }
}
