package org.selflearn.rewriter.offline.calibrate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.selflearn.rewriter.common.event.InteractionEvent;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.online.LayerCalibration;
import org.selflearn.rewriter.online.embed.Embedder;
import org.selflearn.rewriter.online.index.WordingClasses;
import org.selflearn.rewriter.online.training.DecisionTracer;
import org.selflearn.rewriter.offline.io.Directories;
import org.selflearn.rewriter.offline.mining.MiningSettings;
import org.selflearn.rewriter.offline.replay.ReplayLoader;
import org.selflearn.rewriter.offline.replay.ReplayTurn;

/**
 * Self-calibration on the user's own logs: split off the latest part ({@link HeldOutSplit}, in memory), train a model
 * on the rest with the same configuration (through the trainer it is given, with calibration switched off), replay
 * the held-out turns through that model's decision engine ({@link DecisionTracer}), and let {@link LayerCalibrator}
 * choose. The trace runs in two passes: the layers that need no retrieval (own history, table) for every turn, then,
 * once those layers are decided, retrieval and ranking only for the turns they leave to the ranked layers — the only
 * turns whose ranked proposals the choice reads. The temporary model is deleted afterwards.
 */
public final class SelfCalibration {
  private final RewriterConfig config;
  private final Consumer<String> progress;

  public SelfCalibration(RewriterConfig config, Consumer<String> progress) {
    this.config = config;
    this.progress = progress;
  }

  /** Trains a model directory from valid events in time order (it may clear the list once it has mined them). */
  @FunctionalInterface
  public interface Trainer {
    void train(RewriterConfig config, List<InteractionEvent> events, Path modelDir);
  }

  /** The choice and a report of the split and the evidence; null when the logs are too small to split. */
  public record Result(LayerCalibration choice, Map<String, Object> report,
      List<Boolean> rankedAtLeastRankerThreshold) {}

  /**
   * Runs the calibration for a model about to be trained from {@code logs}.
   *
   * @param work a directory for the temporary model (created, and deleted afterwards)
   * @param encoder the sentence encoder the trainer builds with (the caller closes it): the trace reuses it, and the
   *     texts it has embedded already
   * @param trainer trains a model directory (third argument) from the earlier events (second) with the configuration
   *     it receives first
   */
  public Result run(Path logs, Path work, Embedder encoder, Trainer trainer) {
    try {
      Files.createDirectories(work);
      long ts = System.nanoTime();
      long cpu0 = processCpuNanos();
      HeldOutSplit split = HeldOutSplit.create(logs, config.get(ConfigKeys.CALIBRATION_HOLDOUT));
      if (split == null) {
        return null;
      }
      progress.accept("calibration: training on " + split.fitEvents() + " events before " + split.cut()
          + ", judging on the " + split.heldOutEvents() + " after");
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("heldOutFrom", split.cut().toString());
      report.put("fitEvents", split.fitEvents());
      report.put("heldOutEvents", split.heldOutEvents());
      report.put("judge", "customers' own corrections (log-format.md, without truth); truth is never read");
      Path model = work.resolve("model");
      RewriterConfig inner = config.with(ConfigKeys.CALIBRATION_ENABLED, false);
      long t0 = System.nanoTime();
      trainer.train(inner, split.fit(), model);
      long t1 = System.nanoTime();
      List<ReplayTurn> turns = ReplayLoader.load(split.heldOut(), MiningSettings.from(config));
      LayerCalibrator calibrator = new LayerCalibrator(config.get(ConfigKeys.CALIBRATION_MIN_RATIO),
          config.get(ConfigKeys.CALIBRATION_MIN_CONFIRMED), config.get(ConfigKeys.CALIBRATION_MIN_JUDGED),
          new CorrectionJudge(WordingClasses.load(model), CorrectionJudge.interpretations(turns),
              config.get(ConfigKeys.REPHRASE_MIN_SIMILARITY)));
      HeldOutTrace traced;
      double threshold;
      try (DecisionTracer tracer = DecisionTracer.open(model, inner, encoder)) {
        threshold = tracer.threshold();
        traced = HeldOutTrace.of(turns, tracer, calibrator);
      }
      progress.accept(String.format(java.util.Locale.ROOT, "calibration: split %.1f s, model on the earlier part"
          + " %.1f s %s, %d held-out turns traced (%d with retrieval) %.1f s; process CPU time %.1f s",
          (t0 - ts) / 1e9, (t1 - t0) / 1e9, stages(model), turns.size(), traced.retrieved(),
          (System.nanoTime() - t1) / 1e9, (processCpuNanos() - cpu0) / 1e9));
      LayerCalibrator.Result r = calibrator.choose(turns, traced.traces(), threshold);
      report.put("layers", r.evidence());
      return new Result(r.choice(), report, r.rankedAtLeastRankerThreshold());
    } catch (IOException e) {
      throw new UncheckedIOException("calibration: cannot use " + work + ": " + e.getMessage(), e);
    } finally {
      Directories.deleteTree(work);
    }
  }

  /**
   * CPU time of the whole process so far (every thread, the JIT and the collector included), or 0 where the JVM does
   * not tell: on a shared machine it says what the calibration cost when wall time also counts others' load.
   */
  private static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? Math.max(0, os.getProcessCpuTime()) : 0;
  }

  /** The stage timings the trainer recorded for the temporary model, for the progress line. */
  private static Object stages(Path model) {
    Path summary = new org.selflearn.rewriter.online.ModelDirectory(model).trainSummary();
    return Files.isRegularFile(summary) ? org.selflearn.rewriter.offline.io.Json.readObject(summary).get("seconds")
        : "";
  }
}
