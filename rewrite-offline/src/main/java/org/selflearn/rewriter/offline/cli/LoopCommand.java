package org.selflearn.rewriter.offline.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.offline.loop.ClosedLoop;
import org.selflearn.rewriter.offline.loop.HarmfulRewrite;
import org.selflearn.rewriter.offline.loop.LoopSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./rewrite loop --out DIR --rounds R [--customers N --days-per-round D --seed S]}. */
@Command(name = "loop", mixinStandardHelpOptions = true,
    description = "The loop closed, measured: round 0 of the built-in world runs without a rewriter; before each later"
        + " round a model is trained on all logs so far and serves the round's days, whose simulated customers react"
        + " to what was executed. Writes DIR/loop-report.json, DIR/loop.html (the curve), the logs and each round's"
        + " model, and prints one row per round.")
final class LoopCommand implements Callable<Integer> {
  @Mixin
  ConfigOption config;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  @Option(names = "--rounds", required = true, paramLabel = "R",
      description = "Rounds served by a model, after round 0 (no rewriter).")
  int rounds;

  @Option(names = "--customers", defaultValue = "1500", description = "Customers (default ${DEFAULT-VALUE}).")
  int customers;

  @Option(names = "--days-per-round", defaultValue = "4", paramLabel = "D",
      description = "Days of traffic in each round (default ${DEFAULT-VALUE}).")
  int daysPerRound;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--inject", paramLabel = "SOURCE=>TARGET",
      description = "Put this wrong rewrite into the table of round --inject-round, to watch it being demoted.")
  String inject;

  @Option(names = "--inject-round", defaultValue = "1", paramLabel = "K",
      description = "The round whose table gets --inject (default ${DEFAULT-VALUE}).")
  int injectRound;

  @Option(names = "--calibrate", description = "Train each round's model with self-calibration (calibration.*). Off by"
      + " default: the calibration judge scores a held-out turn by the customer's correction without reading its"
      + " rewrite field, so a turn that succeeded because the previous model rewrote it counts against that very"
      + " rewrite ('it had succeeded as said'), and from round 2 on it switches off the layers that work.")
  boolean calibrate;

  @Override
  public Integer call() {
    HarmfulRewrite harmful = inject == null ? null : parse();
    LoopSettings settings = new LoopSettings(customers, daysPerRound, rounds, seed, harmful);
    var c = config.load().with(ConfigKeys.CALIBRATION_ENABLED, calibrate);
    InputFiles.outputDir(out, "--out");
    long t0 = System.nanoTime();
    Map<String, Object> report = new ClosedLoop(c, settings, Clock.systemUTC(),
        m -> Console.progress("loop", String.format(Locale.ROOT, "[%5.0fs] %s", (System.nanoTime() - t0) / 1e9, m)))
        .run(out);
    print(report);
    Console.out().println("JSON report: " + out.resolve(ClosedLoop.REPORT).toAbsolutePath());
    Console.out().println("HTML report: " + out.resolve(ClosedLoop.HTML).toAbsolutePath());
    return 0;
  }

  private HarmfulRewrite parse() {
    try {
      return HarmfulRewrite.parse(injectRound, inject);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--inject: " + e.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  static void print(Map<String, Object> report) {
    TextTable t = new TextTable("", "round", "turns", "defect rate", "rewrites", "wins", "losses", "table",
        "precomputed w/l", "personal w/l", "global w/l", "harmful n/loss");
    for (Map<String, Object> r : (List<Map<String, Object>>) report.get("perRound")) {
      Map<String, Map<String, Object>> by = (Map<String, Map<String, Object>>) r.get("bySource");
      Map<String, Object> h = (Map<String, Object>) r.get("harmful");
      t.row(r.get("round"), r.get("turns"), String.format(Locale.ROOT, "%.2f%%", ((Number) r.get("defectRate")).doubleValue() * 100), r.get("rewrites"), r.get("wins"),
          r.get("losses"), r.get("tableSize"), wl(by.get("PRECOMPUTED")), wl(by.get("PERSONAL")),
          wl(by.get("GLOBAL")), h == null ? "-" : h.get("rewrites") + "/" + h.get("losses")
              + (Boolean.TRUE.equals(r.get("harmfulInTable")) ? " (in table)" : ""));
    }
    t.print(Console.out());
  }

  private static String wl(Map<String, Object> m) {
    return m.get("wins") + "/" + m.get("losses");
  }
}
