package org.selflearn.rewriter.offline.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.markov.StateNames;
import org.selflearn.rewriter.offline.mining.MinedStats;
import org.selflearn.rewriter.offline.mining.StatsFile;
import org.selflearn.rewriter.online.ModelDirectory;
import org.selflearn.rewriter.online.table.RewriteTable;
import org.selflearn.rewriter.online.table.TableEntry;

/**
 * The loop closed on a small built-in world (lexical/phonetic retrieval only, no calibration: the test is about the
 * loop, not the encoder): the defect rate falls round after round and settles, and a harmful rewrite injected into
 * one round's table costs losses that are counted, then is gone within two rounds.
 */
class ClosedLoopTest {
  private static final RewriterConfig CONFIG = RewriterConfig.defaults().with(ConfigKeys.EMBEDDER, "NONE")
      .with(ConfigKeys.CALIBRATION_ENABLED, false);
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir
  Path dir;

  @Test
  void shouldLowerTheDefectRateRoundAfterRoundAndSettle() throws Exception {
    Map<String, Object> report = new ClosedLoop(CONFIG, new LoopSettings(400, 3, 4, 42, null), CLOCK, m -> { })
        .run(dir);
    double[] rate = rates(report);
    assertThat(rate).hasSize(5);
    for (int r = 1; r < rate.length; r++) {
      // never back up by more than sampling noise (≈ 3,500 turns a round: one standard deviation ≈ 0.7 points)
      assertThat(rate[r]).as("round %d after %.4f", r, rate[r - 1]).isLessThanOrEqualTo(rate[r - 1] + 0.015);
    }
    assertThat(rate[4]).as("last round against round 0").isLessThan(rate[0] - 0.06);
    assertThat(Math.abs(rate[4] - rate[3])).as("settled").isLessThan(0.03);
    for (Map<String, Object> row : rows(report).subList(1, 5)) {
      long wins = ((Number) row.get("wins")).longValue();
      long losses = ((Number) row.get("losses")).longValue();
      assertThat(wins).isGreaterThan(10 * Math.max(1, losses));
    }
    // the curve is written as well-formed XML (inline SVG)
    Path html = dir.resolve(ClosedLoop.HTML);
    DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(html.toFile());
    assertThat(Files.readString(html)).contains("<svg", "<polyline");
  }

  @Test
  void shouldCountAnInjectedHarmfulRewritesLossesAndDropItWithinTwoRounds() {
    // a request that succeeds as said for nearly everyone, rewritten into an unrelated one
    HarmfulRewrite harmful = new HarmfulRewrite(1, "whats on my calendar today", "play some jazz");
    Map<String, Object> report = new ClosedLoop(CONFIG, new LoopSettings(400, 2, 3, 42, harmful), CLOCK, m -> { })
        .run(dir);
    List<Map<String, Object>> rows = rows(report);
    Map<String, Object> injected = harm(rows.get(1));
    assertThat(rows.get(1).get("harmfulInTable")).isEqualTo(true);
    long n = ((Number) injected.get("rewrites")).longValue();
    assertThat(n).as("the harmful rewrite served in its round").isGreaterThan(5);
    assertThat(injected.get("losses")).as("every one of them a loss").isEqualTo(n);
    assertThat(((Number) rows.get(1).get("losses")).longValue()).isGreaterThanOrEqualTo(n);
    Map<?, ?> pre = (Map<?, ?>) ((Map<?, ?>) rows.get(1).get("bySource")).get("PRECOMPUTED");
    assertThat(((Number) pre.get("losses")).longValue()).isGreaterThanOrEqualTo(n);

    // the next model measured the rewriter's own failures apart, and does not serve the pair again
    MinedStats stats = StatsFile.read(new ModelDirectory(ClosedLoop.model(dir, 2)).stats());
    MinedStats.StateRow applied = stats.states().get(StateNames.rewritten(harmful.source(), harmful.target()));
    assertThat(applied).isNotNull();
    assertThat(applied.successes()).isLessThan(applied.turns() / 4);
    for (int r = 2; r <= 3; r++) {
      assertThat(rows.get(r).get("harmfulInTable")).as("round %d", r).isEqualTo(false);
      try (RewriteTable t = RewriteTable.openCurrent(new ModelDirectory(ClosedLoop.model(dir, r)).table())) {
        TableEntry e = t.lookup(harmful.source());
        assertThat(e == null ? null : e.target()).isNotEqualTo(harmful.target());
      }
    }
    assertThat(harm(rows.get(3)).get("rewrites")).as("no harmful rewrite two rounds later").isEqualTo(0L);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rows(Map<String, Object> report) {
    return (List<Map<String, Object>>) report.get("perRound");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> harm(Map<String, Object> row) {
    return (Map<String, Object>) row.get("harmful");
  }

  private static double[] rates(Map<String, Object> report) {
    return rows(report).stream().mapToDouble(r -> ((Number) r.get("defectRate")).doubleValue()).toArray();
  }
}
