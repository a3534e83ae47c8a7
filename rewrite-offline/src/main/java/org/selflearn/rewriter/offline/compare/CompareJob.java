package org.selflearn.rewriter.offline.compare;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.mining.MiningSettings;
import org.selflearn.rewriter.offline.replay.Decision;
import org.selflearn.rewriter.offline.replay.OurRewriterStrategy;
import org.selflearn.rewriter.offline.replay.ReplayLoader;
import org.selflearn.rewriter.offline.replay.ReplayTurn;
import org.selflearn.rewriter.offline.replay.Replayer;
import org.selflearn.rewriter.online.ModelHome;
import org.selflearn.rewriter.online.QueryRewriter;

/**
 * {@code ./rewrite compare}: loads and labels the logs once, replays them through the baseline's and then the
 * candidate's rewriter (each customer's turns in time order, as {@code replay} does), and compares the decisions
 * ({@link Comparison}).
 */
public final class CompareJob {
  private final RewriterConfig config;
  private final int threads;
  private final Bootstrap bootstrap;
  private final Consumer<String> progress;

  public CompareJob(RewriterConfig config, int threads, Bootstrap bootstrap, Consumer<String> progress) {
    this.config = config;
    this.threads = threads;
    this.bootstrap = bootstrap;
    this.progress = progress;
  }

  /** The comparison's report, with the turns and both models' decisions (for the HTML report). */
  public record Result(Map<String, Object> report, List<ReplayTurn> turns, List<Decision> baseline,
      List<Decision> candidate) {}

  public Result run(Path baselineModel, Path candidateModel, Path logs) {
    long t0 = System.nanoTime();
    long[] rejected = new long[1];
    List<ReplayTurn> turns = ReplayLoader.load(logs, MiningSettings.from(config), rejected);
    if (turns.isEmpty()) {
      throw new IllegalArgumentException("--logs: no valid event in " + logs + " (" + rejected[0] + " rejected)");
    }
    Replayer replayer = new Replayer(threads);
    long t1 = System.nanoTime();
    progress.accept("replaying " + turns.size() + " turns through the baseline");
    List<Decision> a = replay(replayer, baselineModel, turns, "baseline");
    progress.accept("replaying " + turns.size() + " turns through the candidate");
    List<Decision> b = replay(replayer, candidateModel, turns, "candidate");
    long t2 = System.nanoTime();
    progress.accept("bootstrap: " + bootstrap.resamples() + " resamples of customers");
    Map<String, Object> comparison = new Comparison(bootstrap).report(turns, a, b, Slices.of(turns));
    long t3 = System.nanoTime();
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("baselineModel", baselineModel.toString());
    report.put("candidateModel", candidateModel.toString());
    report.put("logs", logs.toString());
    report.put("rejected", rejected[0]);
    report.putAll(comparison);
    Map<String, Object> seconds = new LinkedHashMap<>();
    seconds.put("load", seconds(t0, t1));
    seconds.put("replay", seconds(t1, t2));
    seconds.put("compare", seconds(t2, t3));
    seconds.put("total", seconds(t0, t3));
    report.put("seconds", seconds);
    return new Result(report, turns, a, b);
  }

  private List<Decision> replay(Replayer replayer, Path modelHome, List<ReplayTurn> turns, String name) {
    Path modelDir = new ModelHome(modelHome).current().root();
    try (QueryRewriter rewriter = QueryRewriter.open(modelDir, config)) {
      return replayer.run(turns, new OurRewriterStrategy(rewriter, name), n -> progress.accept(name + ": " + n));
    }
  }

  private static double seconds(long from, long to) {
    return Math.round((to - from) / 1e7) / 100.0;
  }
}
