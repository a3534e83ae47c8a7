package org.selflearn.rewriter.offline.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.selflearn.rewriter.common.event.InteractionEvent;
import org.selflearn.rewriter.common.stats.SuccessRate;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.io.Json;
import org.selflearn.rewriter.offline.mining.FileMiner;
import org.selflearn.rewriter.offline.mining.MinedStats;
import org.selflearn.rewriter.offline.mining.MiningSettings;
import org.selflearn.rewriter.offline.mining.StatValue;
import org.selflearn.rewriter.offline.mining.StatsFile;
import org.selflearn.rewriter.offline.calibrate.SelfCalibration;
import org.selflearn.rewriter.offline.replay.LogBaselines;
import org.selflearn.rewriter.online.LayerCalibration;
import org.selflearn.rewriter.offline.replay.SpellingBaseline;
import org.selflearn.rewriter.offline.solve.SolveJob;
import org.selflearn.rewriter.offline.solve.SolveResult;
import org.selflearn.rewriter.offline.solve.TablePublisher;
import org.selflearn.rewriter.online.ModelDirectory;
import org.selflearn.rewriter.online.OnlineSettings;
import org.selflearn.rewriter.online.embed.Embedder;
import org.selflearn.rewriter.online.embed.Embedders;
import org.selflearn.rewriter.online.training.RankerTraining;

/**
 * calibrate → mine → solve → publish → global index + personal memories → ranker, into one model directory, with a
 * summary of every stage. {@link #train} mines a log file (file mode); {@link #build} builds from
 * {@link MinedInputs} however they were mined, so a model published from what the streaming job keeps is built by
 * the same code as one trained from the file.
 */
public final class TrainJob {
  private static final long SEED = 17;

  private final RewriterConfig config;
  private final Clock clock;
  private final Consumer<String> progress;
  private boolean baselines = true;
  /** An encoder lent by the caller (kept open after the build), or null: the build opens and closes its own. */
  private Embedder lentEncoder;

  public TrainJob(RewriterConfig config, Clock clock, Consumer<String> progress) {
    this.config = config;
    this.clock = clock;
    this.progress = progress;
  }

  /** What mining a log file gave: the inputs of a model, the mining summary and the log baselines. */
  public record MinedFile(MinedInputs inputs, Map<String, Object> summary, LogBaselines baselines) {}

  /**
   * This job without the replay baselines (pair counting, naive chains, spelling correction): self-calibration's
   * model on the earlier part of the logs is only traced, never replayed against baselines.
   */
  TrainJob withoutBaselines() {
    this.baselines = false;
    return this;
  }

  /**
   * This job building with an encoder the caller opened and will close: self-calibration's model lends its encoder,
   * with the texts it has embedded, to the trace that follows.
   */
  TrainJob withEncoder(Embedder encoder) {
    this.lentEncoder = encoder;
    return this;
  }

  /**
   * Trains from a log file alone: mines it, builds, and calibrates the layers on it last
   * ({@link #buildAndCalibrate}).
   */
  public Map<String, Object> train(Path logs, Path modelDir) {
    long t0 = System.nanoTime();
    createDirectory(modelDir);
    Map<String, Object> seconds = new LinkedHashMap<>();
    long tm = System.nanoTime();
    MinedFile mined = mine(logs);
    seconds.put("mine", lap(tm));
    return buildAndCalibrate(mined.inputs(), () -> logs, modelDir, mined.summary(), mined.baselines(), seconds, t0);
  }

  /**
   * Builds a complete model from mined inputs ({@link #build}) and chooses its layers last, by self-calibration on the
   * log file {@code calibrationLogs} gives once the ranker is trained (null: the logs are empty, every layer serves).
   * The build and calibration's model of the earlier part share one sentence encoder, so the calibration embeds only
   * the texts the build did not (the same requests, mostly). Its time is {@code seconds.calibrate}.
   */
  public Map<String, Object> buildAndCalibrate(MinedInputs inputs, java.util.function.Supplier<Path> calibrationLogs,
      Path modelDir, Map<String, Object> mining, LogBaselines baselines, Map<String, Object> seconds, long t0) {
    try (Embedder encoder = Embedders.open(config.get(ConfigKeys.EMBEDDER), config.get(ConfigKeys.ONNX_MODEL_DIR))) {
      lentEncoder = encoder;
      return buildThenCalibrate(inputs, () -> {
        long tc = System.nanoTime();
        if (config.get(ConfigKeys.CALIBRATION_ENABLED) && !calibrates()) {
          progress.accept("calibration: skipped with privacy on (privacy.calibrate=false): layer choices that read"
              + " no data, every layer serving, the ranked ones above the public ranker's threshold");
        }
        Path logs = calibrates() ? calibrationLogs.get() : null;
        SelfCalibration.Result calibration = logs == null ? null : calibrate(logs, modelDir, encoder);
        seconds.put("calibrate", lap(tc));
        return calibration;
      }, modelDir, mining, baselines, seconds, t0);
    } finally {
      lentEncoder = null;
    }
  }

  /** Mines a log file with the same core the streaming job runs. */
  public MinedFile mine(Path logs) {
    progress.accept("mining " + logs);
    return mine(miner -> miner.mine(logs, r -> { }));
  }

  /**
   * Trains without calibration from valid events already in memory, in time order: self-calibration's model on the
   * earlier part of the logs, mined from the events its split read rather than from a file written for it. The list
   * is cleared once mined, so that its events can be collected while the model is built.
   */
  Map<String, Object> trainUncalibrated(List<InteractionEvent> events, Path modelDir) {
    long t0 = System.nanoTime();
    createDirectory(modelDir);
    MinedFile mined = mine(miner -> miner.mine(events));
    events.clear();
    Map<String, Object> seconds = new LinkedHashMap<>();
    seconds.put("mine", lap(t0));
    return build(mined.inputs(), null, modelDir, mined.summary(), mined.baselines(), seconds, t0);
  }

  private MinedFile mine(Consumer<FileMiner> feed) {
    SessionCollector collector = new SessionCollector(memoryCapacity(config),
        config.get(ConfigKeys.RANKER_EXAMPLES_PER_KIND));
    MiningSettings miningSettings = MiningSettings.from(config);
    LogBaselines logBaselines = baselines ? new LogBaselines(miningSettings.rephraseWindowMs()) : null;
    FileMiner miner = new FileMiner(miningSettings).onSession(baselines ? collector.andThen(logBaselines)
        : collector);
    feed.accept(miner);
    Map<String, StatValue> raw = miner.finish();
    return new MinedFile(collector.inputs(raw), miner.summary().toMap(), logBaselines);
  }

  /** Requests and pairs collected per customer: {@link CustomerMemory#SLACK} × what the personal memory keeps. */
  public static int memoryCapacity(RewriterConfig config) {
    return CustomerMemory.SLACK * config.get(ConfigKeys.PERSONAL_MAX_ENTRIES);
  }

  /**
   * Self-calibration on {@code logs} (null when disabled or the logs are too small to hold any out): holds out their
   * latest part, trains on the rest in a work directory beside {@code modelDir} with {@code encoder} (the caller's,
   * with the texts it has embedded), and judges the held-out turns.
   */
  private SelfCalibration.Result calibrate(Path logs, Path modelDir, Embedder encoder) {
    if (!calibrates()) {
      return null;
    }
    SelfCalibration.Result calibration = new SelfCalibration(config, progress).run(logs, workDirBeside(modelDir),
        encoder, (c, fit, model) -> new TrainJob(c, clock, x -> { }).withoutBaselines().withEncoder(encoder)
            .trainUncalibrated(fit, model));
    if (calibration == null) {
      progress.accept("calibration: the logs are too small to hold any out; every layer serves");
    }
    return calibration;
  }

  /**
   * Whether this build calibrates its layers: {@code calibration.enabled}, and, with differential privacy on, only if
   * {@code privacy.calibrate} asks for it (calibration judges raw held-out logs, which the guarantee does not cover).
   */
  private boolean calibrates() {
    return config.get(ConfigKeys.CALIBRATION_ENABLED)
        && (config.get(ConfigKeys.PRIVACY_EPSILON) == 0 || config.get(ConfigKeys.PRIVACY_CALIBRATE));
  }

  /**
   * Builds a complete model into {@code modelDir} from mined inputs.
   *
   * @param calibration the layer choice, or null for every layer serving
   * @param mining the mining summary to record, or null (not mined here)
   * @param baselines the log baselines for replay, or null (not collected: a model published from a stream)
   * @param seconds stage timings so far (added to)
   * @param t0 {@link System#nanoTime()} at the start, for the total
   */
  public Map<String, Object> build(MinedInputs inputs, SelfCalibration.Result calibration, Path modelDir,
      Map<String, Object> mining, LogBaselines baselines, Map<String, Object> seconds, long t0) {
    return buildThenCalibrate(inputs, () -> calibration, modelDir, mining, baselines, seconds, t0);
  }

  /**
   * {@link #build(MinedInputs, SelfCalibration.Result, Path, Map, LogBaselines, Map, long)} with the layer choice
   * made once the ranker is trained (it is written last): {@code calibration} gives it, or null for every layer.
   */
  Map<String, Object> buildThenCalibrate(MinedInputs inputs,
      java.util.function.Supplier<SelfCalibration.Result> calibration, Path modelDir, Map<String, Object> mining,
      LogBaselines baselines, Map<String, Object> seconds, long t0) {
    createDirectory(modelDir);
    ModelDirectory dir = new ModelDirectory(modelDir);
    Map<String, Object> summary = new LinkedHashMap<>();
    // differential privacy of the global part (docs/privacy.md): from here on the build reads only released
    // statistics, and a private model carries no baseline mined from the raw logs; a no-op while privacy.epsilon is 0
    PrivateRelease.Result release = PrivateRelease.of(config).apply(inputs);
    inputs = release.inputs();
    baselines = release.enabled() ? null : baselines;
    StatsFile.write(inputs.stats(), dir.stats());
    MinedStats mined = inputs.minedStats();
    if (mining != null) {
      summary.put("mining", mining);
    }
    release.recordReport(summary);

    long t1 = System.nanoTime();
    progress.accept("solving " + mined.states().size() + " states");
    SolveJob solve = new SolveJob(config);
    SolveResult solved = solve.solve(mined, ModelFacts.interpretations(inputs.stats(), inputs.facts()));
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("gates", solve.gateMetadata());
    String version = new TablePublisher(clock, config.get(ConfigKeys.KEEP_VERSIONS)).publish(dir.table(),
        solved.entries(), meta);
    Map<String, Object> solveSummary = new LinkedHashMap<>();
    solveSummary.put("groups", solved.groups());
    solveSummary.put("largestGroup", solved.largestGroup());
    solveSummary.put("rewritesKept", solved.entries().size());
    solveSummary.put("decisionsByReason", SolveJob.reasons(solved.decisions()));
    solveSummary.put("tableVersion", version);
    summary.put("solve", solveSummary);
    seconds.put("solveAndPublish", lap(t1));

    long t2 = System.nanoTime();
    String embedderSpec = config.get(ConfigKeys.EMBEDDER);
    progress.accept("building indexes (embedder " + embedderSpec + ")");
    Embedder embedder = lentEncoder != null ? lentEncoder
        : Embedders.open(embedderSpec, config.get(ConfigKeys.ONNX_MODEL_DIR));
    Map<String, Object> indexSummary = buildIndexes(embedder, inputs, mined, dir);
    summary.put("indexes", indexSummary);
    seconds.put("indexes", lap(t2));

    if (this.baselines || baselines != null) {
      long tb = System.nanoTime();
      List<String> which = new java.util.ArrayList<>();
      if (this.baselines) {
        which.add("spelling");
      }
      if (baselines != null) {
        which.add("pair counting, naive chains");
      }
      progress.accept("writing the replay baselines (" + String.join(", ", which) + ")");
      if (this.baselines) {
        buildBaselines(mined, dir);
      }
      if (baselines != null) {
        baselines.write(dir.baselines());
      }
      seconds.put("baselines", lap(tb));
    }
    long t3 = System.nanoTime();
    List<TrainingExample> examples = inputs.examples();
    Map<String, Object> rankerReport = RankerBuilder.newReport();
    EquivalentWordings wordings = new EquivalentWordings(mined);
    wordings.toClasses().save(modelDir);
    rankerReport.put("wordingClassMembers", wordings.size());
    RankerTraining.TrainedRanker ranker;
    if (release.enabled()) {
      // a private model's ranker reads no customer's data (docs/privacy.md)
      ranker = PublicRanker.writeInto(dir, config, clock, progress, rankerReport);
    } else {
      progress.accept("training the ranker on " + examples.size() + " mined examples");
      ranker = new RankerBuilder(OnlineSettings.from(config), config.get(ConfigKeys.TARGET_PRECISION), SEED)
          .train(examples, dir, embedder, wordings, rankerReport);
    }
    rankerReport.put("weights", ranker.weights());
    summary.put("ranker", rankerReport);
    seconds.put("ranker", lap(t3));
    summary.put("calibration", writeCalibration(calibration.get(), ranker.threshold(), dir));
    if (lentEncoder == null) {
      embedder.close();
    }
    release.removeCustomerTexts(dir, summary);

    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("formatVersion", ModelDirectory.FORMAT_VERSION);
    manifest.put("createdAt", clock.instant().toString());
    manifest.put("embedder", embedderSpec);
    manifest.put("onnxModelDir", config.get(ConfigKeys.ONNX_MODEL_DIR));
    manifest.put("dimension", indexSummary.get("dimension"));
    release.recordGuarantee(manifest);
    Json.write(dir.manifest(), manifest);
    seconds.put("total", lap(t0));
    summary.put("seconds", seconds);
    summary.put("peakHeapMB", org.selflearn.rewriter.offline.io.HeapPeak.megabytes());
    Json.write(dir.trainSummary(), summary);
    return summary;
  }

  /**
   * Writes the global index and the personal memories. The builder's vectors (every embedded text) are released when
   * this returns, before the ranker trains: the ranker reads the vectors back from the written indexes.
   */
  private Map<String, Object> buildIndexes(Embedder embedder, MinedInputs inputs, MinedStats mined,
      ModelDirectory dir) {
    IndexBuilder indexes = new IndexBuilder(embedder, config.get(ConfigKeys.GLOBAL_MIN_CUSTOMERS),
        config.get(ConfigKeys.PERSONAL_MAX_ENTRIES));
    long[] global = indexes.buildGlobal(mined, ModelFacts.domainOfState(inputs.stats(), inputs.facts()), dir);
    long customers = indexes.buildPersonal(inputs.memories(), dir);
    Map<String, Object> indexSummary = new LinkedHashMap<>();
    indexSummary.put("globalEntries", global[0]);
    indexSummary.put("globalServable", global[1]);
    indexSummary.put("personalCustomers", customers);
    indexSummary.put("embedder", embedder.describe());
    indexSummary.put("dimension", embedder.dimension());
    return indexSummary;
  }

  private static void createDirectory(Path modelDir) {
    try {
      Files.createDirectories(modelDir);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("--out: cannot create " + modelDir + ": " + e.getMessage(), e);
    }
  }

  private void buildBaselines(MinedStats mined, ModelDirectory dir) {
    int k = config.get(ConfigKeys.GLOBAL_MIN_CUSTOMERS);
    java.util.List<String> successful = new java.util.ArrayList<>();
    for (MinedStats.StateRow s : mined.states().values()) {
      if (!org.selflearn.rewriter.markov.StateNames.isRewritten(s.state()) && s.successCustomers() >= k
          && SuccessRate.usuallySucceeds(s.successes(), s.turns())) {
        successful.add(s.state());
      }
    }
    java.util.Collections.sort(successful);
    SpellingBaseline.build(successful, dir.baselines());
  }

  /**
   * Writes {@code calibration.json}: the layers that serve (thresholds never below the final ranker's own, except for
   * a ranked layer the held-out days placed themselves: on pooled evidence or below the ranker's floor with margin)
   * and the held-out evidence they were chosen on.
   */
  private Map<String, Object> writeCalibration(SelfCalibration.Result calibration, double own,
      ModelDirectory dir) {
    LayerCalibration c = calibration == null ? LayerCalibration.allOn(own) : calibration.choice();
    List<Boolean> held = calibration == null ? List.of(true, true) : calibration.rankedAtLeastRankerThreshold();
    c = new LayerCalibration(c.ownHistory(), c.precomputed(), c.rankedPersonal(),
        held.get(0) ? Math.max(own, c.personalThreshold()) : c.personalThreshold(), c.rankedGlobal(),
        held.get(1) ? Math.max(own, c.globalThreshold()) : c.globalThreshold());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("serve", c.toMap());
    m.put("heldOut", calibration == null ? (config.get(ConfigKeys.CALIBRATION_ENABLED) && !calibrates()
        ? "none: skipped with privacy on (privacy.calibrate=false), a choice that reads no data"
        : "none: calibration disabled or logs too small to split")
        : calibration.report());
    Json.write(dir.root().resolve(LayerCalibration.FILE), m);
    return m;
  }

  private static Path workDirBeside(Path modelDir) {
    Path abs = modelDir.toAbsolutePath();
    return abs.resolveSibling("." + abs.getFileName() + ".calibration-" + ProcessHandle.current().pid());
  }

  private static double lap(long start) {
    return Math.round((System.nanoTime() - start) / 1e7) / 100.0;
  }

}
