package org.selflearn.rewriter.offline.loop;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.selflearn.rewriter.common.codec.EventEncoder;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.io.Directories;
import org.selflearn.rewriter.offline.io.Json;
import org.selflearn.rewriter.offline.train.TrainJob;
import org.selflearn.rewriter.online.ModelDirectory;
import org.selflearn.rewriter.online.QueryRewriter;
import org.selflearn.rewriter.online.table.RewriteTable;
import org.selflearn.rewriter.online.table.TableEntry;
import org.selflearn.rewriter.simulator.BuiltInWorld;
import org.selflearn.rewriter.simulator.LogSimulator;
import org.selflearn.rewriter.simulator.RewriteHook;
import org.selflearn.rewriter.simulator.SimulationOptions;

/**
 * Runs the loop: round 0 without a rewriter, then for each round train on all logs so far, serve the round's days
 * with that model, append them to the logs. Writes under the output directory {@code logs.jsonl} (every round),
 * {@code rounds/round-N.jsonl}, {@code models/round-N/} (the model that served round N), {@code loop-report.json}
 * (rewritten after every round) and {@code loop.html}.
 */
public final class ClosedLoop {
  /** Midnight of the first simulated day. */
  static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
  public static final String REPORT = "loop-report.json";
  public static final String HTML = "loop.html";
  public static final String LOGS = "logs.jsonl";

  private final RewriterConfig config;
  private final LoopSettings settings;
  private final Clock clock;
  private final Consumer<String> progress;

  public ClosedLoop(RewriterConfig config, LoopSettings settings, Clock clock, Consumer<String> progress) {
    this.config = config;
    this.settings = settings;
    this.clock = clock;
    this.progress = progress;
  }

  /** The model directory that served round {@code r} (r >= 1). */
  public static Path model(Path out, int round) {
    return out.resolve("models").resolve("round-" + round);
  }

  /** Runs every round; returns the report (also written to {@code out}). */
  public Map<String, Object> run(Path out) {
    SimulationOptions options = new SimulationOptions(settings.customers(), settings.totalDays(), 1, settings.seed(),
        0.04, START);
    LogSimulator simulator = new LogSimulator(BuiltInWorld.build(settings.seed()), options);
    // the rewriter serves simulated traffic: no wall-clock budget (answers must not depend on the machine's load)
    RewriterConfig serving = config.with(ConfigKeys.BUDGET_MS, 10_000.0).with(ConfigKeys.RELOAD_SECONDS, 0);
    Path logs = out.resolve(LOGS);
    List<Map<String, Object>> rows = new ArrayList<>();
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("world", "built-in");
    report.put("customers", settings.customers());
    report.put("daysPerRound", settings.daysPerRound());
    report.put("rounds", settings.rounds());
    report.put("seed", settings.seed());
    report.put("embedder", config.get(ConfigKeys.EMBEDDER));
    report.put("perRound", rows);
    try {
      Files.createDirectories(out.resolve("rounds"));
      Files.deleteIfExists(logs);
      for (int r = 0; r <= settings.rounds(); r++) {
        rows.add(round(r, simulator, serving, out, logs));
        Json.write(out.resolve(REPORT), report);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the loop's files under " + out + ": " + e.getMessage(), e);
    }
    LoopHtml.write(out.resolve(HTML), report);
    return report;
  }

  private Map<String, Object> round(int r, LogSimulator simulator, RewriterConfig serving, Path out, Path logs)
      throws IOException {
    Map<String, Object> extra = new LinkedHashMap<>();
    RoundTally tally = new RoundTally(r, settings.harmful());
    long tableSize = 0;
    QueryRewriter rewriter = null;
    RewriteHook hook = RewriteHook.NONE;
    if (r > 0) {
      long t0 = System.nanoTime();
      Path model = model(out, r);
      Directories.deleteTree(model);
      progress.accept("round " + r + ": training on " + r * settings.daysPerRound() + " days of logs");
      Map<String, Object> summary = new TrainJob(config, clock, m -> { }).train(logs, model);
      extra.put("trainSeconds", seconds(t0));
      Path table = new ModelDirectory(model).table();
      HarmfulRewrite harmful = settings.harmful();
      if (harmful != null && harmful.round() == r) {
        String v = harmful.inject(table, clock, config.get(ConfigKeys.KEEP_VERSIONS));
        progress.accept("round " + r + ": injected the harmful rewrite '" + harmful.source() + "' -> '"
            + harmful.target() + "' as table " + v);
      }
      extra.put("demotedByFeedback", reasonCount(summary, "demoted-by-feedback"));
      extra.put("keptByFeedback", reasonCount(summary, "kept-by-feedback"));
      try (RewriteTable t = RewriteTable.openCurrent(table)) {
        tableSize = t.entries();
        if (harmful != null) {
          TableEntry e = t.lookup(harmful.source());
          extra.put("harmfulInTable", e != null && e.target().equals(harmful.target()));
        }
      }
      rewriter = QueryRewriter.open(model, serving);
      hook = new RewriterHook(rewriter);
    }
    long t1 = System.nanoTime();
    progress.accept("round " + r + ": simulating days " + r * settings.daysPerRound() + ".."
        + ((r + 1) * settings.daysPerRound() - 1) + (r == 0 ? " without a rewriter" : " served by its model"));
    EventEncoder encoder = new EventEncoder();
    try (BufferedWriter all = Files.newBufferedWriter(logs, StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        BufferedWriter own = Files.newBufferedWriter(out.resolve("rounds").resolve("round-" + r + ".jsonl"),
            StandardCharsets.UTF_8)) {
      simulator.simulateDays(r * settings.daysPerRound(), (r + 1) * settings.daysPerRound(), hook, t -> {
        tally.accept(t);
        String line = encoder.encode(t.event());
        try {
          all.write(line);
          all.newLine();
          own.write(line);
          own.newLine();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } finally {
      if (rewriter != null) {
        rewriter.close();
      }
    }
    extra.put("simulateSeconds", seconds(t1));
    Map<String, Object> row = tally.toMap(tableSize, extra);
    progress.accept(String.format(java.util.Locale.ROOT, "round %d: defect rate %.4f, %d rewrites (%d wins, %d losses),"
        + " table %d", r, tally.defectRate(), tally.rewrites(), tally.wins(), tally.losses(), tableSize));
    return row;
  }

  private static long reasonCount(Map<String, Object> summary, String reason) {
    Object solve = summary.get("solve");
    if (solve instanceof Map<?, ?> s && s.get("decisionsByReason") instanceof Map<?, ?> reasons
        && reasons.get(reason) instanceof Number n) {
      return n.longValue();
    }
    return 0;
  }

  private static double seconds(long start) {
    return Math.round((System.nanoTime() - start) / 1e7) / 100.0;
  }
}
