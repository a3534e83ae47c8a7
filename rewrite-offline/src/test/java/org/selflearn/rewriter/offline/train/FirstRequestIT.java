package org.selflearn.rewriter.offline.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.online.QueryRewriter;
import org.selflearn.rewriter.online.RewriteRequest;
import org.selflearn.rewriter.online.RewriteResult;
import org.selflearn.rewriter.simulator.BuiltInWorld;
import org.selflearn.rewriter.simulator.LogSimulator;
import org.selflearn.rewriter.simulator.SimulationOptions;

/**
 * The first requests after {@code open}, in a fresh JVM with the real MiniLM model, meet the default budget and give
 * the answers a rewriter with an unlimited budget gives: the warm-up has run every stage, the embedder included.
 * The requests are ones that need an embedding (retrieval found candidates, so the ranker scored them).
 */
@Tag("integration")
class FirstRequestIT {
  private static final double OVERLOADED = 3.0;
  private static final Set<String> EMBEDDED = Set.of("ranked", "below-threshold", "not-servable");
  @TempDir
  static Path dir;
  static Path model;
  static List<String> requests = new ArrayList<>();
  static List<String> customers = new ArrayList<>();
  static List<String> expected = new ArrayList<>();

  @BeforeAll
  static void trainAndPickRequestsThatNeedAnEmbedding() throws IOException {
    Path world = dir.resolve("world");
    new LogSimulator(BuiltInWorld.build(3), SimulationOptions.of(400, 8, 3)).run(world, d -> { });
    model = dir.resolve("model");
    // every layer serves (no calibration): this test is about the warm-up of the retrieval stage, which a small
    // world's calibration may switch off for lack of evidence
    new TrainJob(RewriterConfig.defaults().with(ConfigKeys.CALIBRATION_ENABLED, false), Clock.systemUTC(), m -> { })
        .train(world.resolve("train.jsonl"), model);
    Set<List<String>> turns = new LinkedHashSet<>(); // customer, utterance
    ObjectMapper json = new ObjectMapper();
    try (var lines = Files.lines(world.resolve("eval.jsonl"))) {
      lines.forEach(l -> {
        try {
          var event = json.readTree(l);
          turns.add(List.of(event.path("customerId").asText(), event.path("utterance").asText()));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
    RewriterConfig unlimited = RewriterConfig.defaults().with(ConfigKeys.BUDGET_MS, 10_000.0);
    try (QueryRewriter r = QueryRewriter.open(model, unlimited)) {
      // a ranked rewrite first when the world has one (whether this small world's ranker clears its threshold for any
      // request depends on its training sample), then requests the ranker scored and left alone
      for (boolean wantRewrite : new boolean[] {true, false}) {
        for (List<String> turn : turns) {
          RewriteResult res = r.rewrite(RewriteRequest.of(turn.get(1), turn.get(0)));
          boolean wanted = EMBEDDED.contains(res.reason()) && res.changed() == wantRewrite
              && !requests.contains(turn.get(1));
          if (wanted && requests.size() < (wantRewrite ? 1 : 3)) {
            customers.add(turn.get(0));
            requests.add(turn.get(1));
            expected.add(describe(res));
          }
        }
      }
    }
    assertThat(requests).as("eval requests that need an embedding").hasSize(3);
  }

  private static String describe(RewriteResult r) {
    return r.reason() + "\t" + r.rewrite();
  }

  /**
   * Up to three fresh processes: the two cores are shared, and under load even warm requests of one process can
   * exceed the budget now and then (measured at a load average of 7: p99 40–120 ms), so one clean run of the three
   * first requests is asked for. Without the warm-up every run fails: the first requests needing an embedding
   * took 60–130 ms and were answered {@code budget}. When all attempts fail on a host whose load average exceeds
   * {@value #OVERLOADED} runnable threads per core (other builds on the same cores; at 5 per core warm requests take
   * 15–70 ms), the check is reported as skipped rather than failed.
   */
  @Test
  void theFirstRequestsInAFreshProcessMeetTheDefaultBudgetWithTheRightAnswers() throws Exception {
    List<String> args = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      args.add(customers.get(i));
      args.add(requests.get(i));
    }
    long budgetMicros = (long) (ConfigKeys.BUDGET_MS.defaultValue() * 1_000);
    List<String> failures = new ArrayList<>();
    for (int attempt = 0; attempt < 3; attempt++) {
      List<String> out = runJava(List.of(Probe.class.getName(), model.toString()), args);
      System.out.println("first requests after open (reason, rewrite, microseconds): " + out);
      assertThat(out).hasSize(3);
      String failure = null;
      for (int i = 0; i < 3 && failure == null; i++) {
        String[] f = out.get(i).split("\t");
        if (!(f[0] + "\t" + f[1]).equals(expected.get(i)) || Long.parseLong(f[2]) >= budgetMicros) {
          failure = requests.get(i) + " -> " + out.get(i) + " (expected " + expected.get(i) + " within "
              + budgetMicros + " µs)";
        }
      }
      if (failure == null) {
        return;
      }
      failures.add(failure);
    }
    skipIfOverloaded(failures);
    assertThat(failures).as("every attempt had a request over the budget or with another answer").isEmpty();
  }

  @Test
  void theOneShotRewriteCommandAnswersAsWithAnUnlimitedBudget() throws Exception {
    // the first request: a ranked rewrite when the world has one, else one the ranker scored and left alone
    int rewritten = 0;
    String[] answer = expected.get(rewritten).split("\t");
    String wanted = answer[1].equals("null") ? "unchanged (" + answer[0] : "rewrite: " + answer[1] + "  (source ";
    List<String> failures = new ArrayList<>();
    for (int attempt = 0; attempt < 3; attempt++) {
      List<String> out = runJava(List.of("org.selflearn.rewriter.offline.cli.RewriteCli", "rewrite", "--model",
          model.toString(), "--customer", customers.get(rewritten), requests.get(rewritten)), List.of());
      assertThat(out).isNotEmpty();
      if (out.get(0).startsWith(wanted)) {
        return;
      }
      failures.add(out.get(0));
    }
    skipIfOverloaded(failures);
    assertThat(failures).as("every run answered otherwise than: %s…", wanted).isEmpty();
  }


  private static void skipIfOverloaded(List<String> failures) {
    double loadPerCore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()
        / Runtime.getRuntime().availableProcessors();
    Assumptions.assumeTrue(loadPerCore < OVERLOADED, () -> "host overloaded (load average " + loadPerCore
        + " per core): a latency check means nothing now; attempts: " + failures);
  }

  /** Runs a class of the test class path in a new JVM, as the launcher does; returns its standard output lines. */
  private static List<String> runJava(List<String> mainAndArgs, List<String> extraArgs) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx1g", "--add-modules", "jdk.incubator.vector",
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path")));
    cmd.addAll(mainAndArgs);
    cmd.addAll(extraArgs);
    Path log = Files.createTempFile(dir, "child", ".log");
    Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = p.inputReader()) {
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        lines.add(l);
      }
    }
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("exit code; stderr: %s", Files.readString(log)).isZero();
    return lines;
  }

  /**
   * Opens the model with the default configuration and rewrites its (customer, request) argument pairs, printing
   * reason, rewrite and microseconds of each.
   */
  public static final class Probe {
    public static void main(String[] args) {
      try (QueryRewriter r = QueryRewriter.open(Path.of(args[0]), RewriterConfig.defaults())) {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
          long t0 = System.nanoTime();
          RewriteResult res = r.rewrite(RewriteRequest.of(args[i + 1], args[i]));
          long micros = (System.nanoTime() - t0) / 1_000;
          lines.add(String.format(Locale.ROOT, "%s\t%s\t%d", res.reason(), res.rewrite(), micros));
        }
        lines.forEach(System.out::println);
      }
    }
  }
}
