package org.selflearn.rewriter.offline.replay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.io.Json;
import org.selflearn.rewriter.offline.mining.MiningSettings;
import org.selflearn.rewriter.online.ModelDirectory;
import org.selflearn.rewriter.online.QueryRewriter;

/**
 * Replays logs through the rewriter of a model directory and writes the report (and, if asked, the decisions).
 * With baselines, the same turns are also scored for no rewrite, pair counting, the naive absorbing-chain lookup (alone
 * and with its two rules, see {@link LogBaselines}) and spelling correction, and for our
 * rewriter without its personal layer and with the table alone (ablations), and the layers added one at a time
 * ({@code layers}: table; plus own history; plus ranked personal; plus ranked global).
 */
public final class ReplayJob {
  private final RewriterConfig config;
  private final int threads;
  private final Consumer<String> progress;

  public ReplayJob(RewriterConfig config, int threads, Consumer<String> progress) {
    this.config = config;
    this.threads = threads;
    this.progress = progress;
  }

  /** The result of a replay: the report, and our decisions in turn order. */
  public record Result(Map<String, Object> report, List<ReplayTurn> turns, List<Decision> decisions) {}

  /**
   * Replays {@code logs} through the model in {@code modelHome}: a plain model directory, or the version that a
   * versioned one's {@code CURRENT} names when the replay starts (every pass of the replay reads that version).
   */
  public Result run(Path modelHome, Path logs, boolean baselines) {
    long t0 = System.nanoTime();
    Path modelDir = new org.selflearn.rewriter.online.ModelHome(modelHome).current().root();
    long[] rejected = new long[1];
    List<ReplayTurn> turns = ReplayLoader.load(logs, MiningSettings.from(config), rejected);
    progress.accept("replaying " + turns.size() + " turns");
    Replayer replayer = new Replayer(threads);
    List<Decision> ours;
    Map<String, Object> report;
    long tReplay = System.nanoTime();
    try (QueryRewriter rewriter = QueryRewriter.open(modelDir, config)) {
      ours = replayer.run(turns, new OurRewriterStrategy(rewriter, "ours"),
          n -> progress.accept("replayed " + n));
      double seconds = (System.nanoTime() - tReplay) / 1e9;
      report = new ScoreCard(turns, ours).toReport();
      report.put("rejected", rejected[0]);
      report.put("eventsPerSecond", Math.round(turns.size() / Math.max(1e-9, seconds)));
      report.put("failOpen", rewriter.metrics().failures());
      report.put("outcomes", rewriter.metrics().outcomes());
    }
    if (baselines) {
      Map<String, Object> oursRow = summary(report);
      for (String k : List.of("rejected", "eventsPerSecond", "failOpen", "outcomes")) {
        oursRow.remove(k);
      }
      ModelDirectory dir = new ModelDirectory(modelDir);
      Map<String, Object> b = new LinkedHashMap<>();
      b.put("noRewrite", score(turns, replayer, new NoRewriteBaseline()));
      if (LogBaselines.collectedIn(dir.baselines())) {
        b.put("pairCounting", score(turns, replayer, PairCountingBaseline.load(dir.baselines())));
        b.put("naiveChain", score(turns, replayer, NaiveChainBaseline.naive(dir.baselines())));
        b.put("naiveChainWithRules", score(turns, replayer, NaiveChainBaseline.withRules(dir.baselines())));
      } else {
        progress.accept("pair counting and the naive chains are collected by train from log files; this model was"
            + " published from a stream, so they are left out");
      }
      try (SpellingBaseline spelling = SpellingBaseline.open(dir.baselines())) {
        b.put("spellCorrection", score(turns, replayer, spelling));
      }
      report.put("baselines", b);
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("withoutPersonal", ablation(modelDir, turns, replayer,
          config.with(ConfigKeys.PERSONAL_ENABLED, false)));
      a.put("precomputedOnly", ablation(modelDir, turns, replayer,
          config.with(ConfigKeys.PERSONAL_ENABLED, false).with(ConfigKeys.GLOBAL_ENABLED, false)));
      report.put("ablations", a);
      report.put("layers", layerByLayer(modelDir, turns, replayer, a.get("precomputedOnly"), oursRow));
    }
    Path calibration = modelDir.resolve(org.selflearn.rewriter.online.LayerCalibration.FILE);
    if (Files.isRegularFile(calibration)) {
      report.put("calibration", Json.readObject(calibration));
    }
    report.put("seconds", Math.round((System.nanoTime() - t0) / 1e7) / 100.0);
    return new Result(report, turns, ours);
  }

  private Map<String, Object> ablation(Path modelDir, List<ReplayTurn> turns, Replayer replayer, RewriterConfig c) {
    progress.accept("replaying ablation");
    try (QueryRewriter rewriter = QueryRewriter.open(modelDir, c)) {
      return summary(new ScoreCard(turns, replayer.run(turns, new OurRewriterStrategy(rewriter, "ablation"),
          n -> { })).toReport());
    }
  }

  /**
   * The layers added one at a time in serving order, each row on the same turns with the same model: the table
   * alone, plus the customer's own history, plus ranked personal retrieval, plus ranked global retrieval (= ours).
   */
  private Map<String, Object> layerByLayer(Path modelDir, List<ReplayTurn> turns, Replayer replayer,
      Object tableOnly, Map<String, Object> all) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("table", tableOnly);
    m.put("plusOwnHistory", ablation(modelDir, turns, replayer, config.with(ConfigKeys.RANKED_LAYERS, "NONE")));
    m.put("plusRankedPersonal", ablation(modelDir, turns, replayer,
        config.with(ConfigKeys.RANKED_LAYERS, "PERSONAL")));
    m.put("plusRankedGlobal", all);
    return m;
  }

  private Map<String, Object> score(List<ReplayTurn> turns, Replayer replayer, RewriteStrategy strategy) {
    progress.accept("replaying baseline " + strategy.name());
    return summary(new ScoreCard(turns, replayer.run(turns, strategy, n -> { })).toReport());
  }

  private static Map<String, Object> summary(Map<String, Object> full) {
    Map<String, Object> m = new LinkedHashMap<>(full);
    m.remove("latencyMicros");
    return m;
  }

  /** Writes decisions as JSON lines with the keys of design.md. */
  public static void writeDecisions(Path file, List<Decision> decisions) {
    List<Map<String, Object>> lines = new java.util.ArrayList<>(decisions.size());
    for (Decision d : decisions) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("eventId", d.eventId());
      m.put("rewrite", d.rewrite());
      m.put("source", d.source());
      m.put("score", d.score());
      m.put("micros", d.micros());
      lines.add(m);
    }
    Json.writeLines(file, lines);
  }
}
