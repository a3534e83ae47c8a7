package org.selflearn.rewriter.offline.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.io.Directories;
import org.selflearn.rewriter.online.ModelDirectory;
import org.selflearn.rewriter.online.training.RankerTraining;
import org.selflearn.rewriter.simulator.BuiltInWorld;
import org.selflearn.rewriter.simulator.LogSimulator;
import org.selflearn.rewriter.simulator.SimulationOptions;

/**
 * The ranker of a differentially private model: one that reads no customer's data. It is trained, when a private
 * model is built, on a world this project writes itself — the built-in simulated world ({@link BuiltInWorld}, fixed
 * size and seed) — through the same {@link TrainJob}, with privacy and calibration off, and copied into the private
 * model. Its weights and threshold are then a function of public code alone, so they cost no privacy and the
 * guarantee covers them; a ranker fitted on the window's own examples would not be (docs/privacy.md). Its features are
 * computed at serving time against the private model's own (released) index and the customer's own memory, as any
 * ranker's. One training per JVM and setting (the calibration's model and the published one share it).
 */
final class PublicRanker {
  /** Size and seed of the world the public ranker learns on (13 s of a d1 build on 2 cores, bundled encoder). */
  static final int CUSTOMERS = 2_000;
  static final int DAYS = 14;
  static final long SEED = 7;

  /** The ranker file and what it holds. */
  private record Trained(byte[] file, RankerTraining.TrainedRanker ranker) {}

  private static final Map<List<Object>, Trained> TRAINED = new HashMap<>();

  private PublicRanker() {}

  /**
   * Writes the public ranker into {@code dir} and returns what it holds; {@code report} says where it came from.
   */
  static RankerTraining.TrainedRanker writeInto(ModelDirectory dir, RewriterConfig config, Clock clock,
      Consumer<String> progress, Map<String, Object> report) {
    Trained trained = trained(config, clock, progress);
    try {
      Files.write(dir.ranker(), trained.file());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir.ranker() + ": " + e.getMessage(), e);
    }
    report.put("public", "trained on the built-in simulated world (" + CUSTOMERS + " customers, " + DAYS
        + " days, seed " + SEED + "), not on customers' data: a private model's ranker (docs/privacy.md)");
    return trained.ranker();
  }

  @SuppressWarnings("unchecked")
  private static Trained trained(RewriterConfig config, Clock clock, Consumer<String> progress) {
    List<Object> key = List.of(config.get(ConfigKeys.EMBEDDER), config.get(ConfigKeys.TARGET_PRECISION),
        config.get(ConfigKeys.RANKED_LAYERS));
    synchronized (TRAINED) {
      Trained done = TRAINED.get(key);
      if (done != null) {
        return done;
      }
      Path work = null;
      try {
        work = Files.createTempDirectory("rewrite-public-ranker");
        progress.accept("training the public ranker on the built-in simulated world (" + CUSTOMERS + " customers, "
            + DAYS + " days; no customer's data)");
        Path world = work.resolve("world");
        new LogSimulator(BuiltInWorld.build(SEED), SimulationOptions.of(CUSTOMERS, DAYS, SEED)).run(world, d -> { });
        RewriterConfig open = config.with(ConfigKeys.PRIVACY_EPSILON, 0.0).with(ConfigKeys.CALIBRATION_ENABLED, false);
        Path model = work.resolve("model");
        Map<String, Object> summary = new TrainJob(open, clock, m -> { }).withoutBaselines()
            .train(world.resolve(LogSimulator.TRAIN_FILE), model);
        Map<String, Object> ranker = (Map<String, Object>) summary.get("ranker");
        done = new Trained(Files.readAllBytes(new ModelDirectory(model).ranker()), new RankerTraining.TrainedRanker(
            ((Number) ranker.get("threshold")).doubleValue(), (Map<String, Double>) ranker.get("weights")));
        TRAINED.put(key, done);
        return done;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot train the public ranker: " + e.getMessage(), e);
      } finally {
        if (work != null) {
          Directories.deleteTree(work);
        }
      }
    }
  }
}
