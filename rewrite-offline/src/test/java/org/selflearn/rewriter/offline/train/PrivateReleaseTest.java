package org.selflearn.rewriter.offline.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.mining.CustomerSketch;
import org.selflearn.rewriter.offline.mining.LatestValue;
import org.selflearn.rewriter.offline.mining.MinedStats;
import org.selflearn.rewriter.offline.mining.RequestVote;
import org.selflearn.rewriter.offline.mining.RequestVote.Outcome;
import org.selflearn.rewriter.offline.mining.StatKey;
import org.selflearn.rewriter.offline.mining.StatValue;
import org.selflearn.rewriter.offline.privacy.NoiseSampler;
import org.selflearn.rewriter.offline.privacy.PrivacyBudget;
import org.selflearn.rewriter.offline.privacy.PrivacySettings;
import org.selflearn.rewriter.offline.solve.SolveJob;

class PrivateReleaseTest {
  private static final String MISHEARD = "turn on the like since kitchen";
  private static final String MEANT = "turn on the lights in the kitchen";

  private static PrivateRelease release(double epsilon, int m, long seed) {
    return new PrivateRelease(new PrivacySettings(PrivacyBudget.of(epsilon, 1e-6), 3, m),
        new NoiseSampler(new SplittableRandom(seed)));
  }

  private static void vote(Map<String, StatValue> votes, String request, Outcome o, String target, long customers) {
    votes.put(new RequestVote(request, o, target).key(),
        new StatValue(customers, 0, 0, CustomerSketch.EMPTY, CustomerSketch.EMPTY));
  }

  private static MinedInputs inputs(Map<String, StatValue> stats) {
    return new MinedInputs(stats, Map.of(), Map.of(), List.of(), List.of());
  }

  /** Many customers fixed MISHEARD with MEANT; one customer fixed it with something only they say. */
  private static Map<String, StatValue> agreed() {
    Map<String, StatValue> v = new HashMap<>();
    vote(v, MISHEARD, Outcome.FIXED, MEANT, 400);
    vote(v, MISHEARD, Outcome.FIXED, "call my sister marguerite", 1);
    vote(v, MISHEARD, Outcome.LOST, null, 20);
    vote(v, MISHEARD, Outcome.FAILED, null, 10);
    vote(v, MISHEARD, Outcome.OK, null, 5);
    vote(v, MEANT, Outcome.OK, null, 300);
    return v;
  }

  @Test
  void offItReturnsTheGivenInputsAndRecordsNothing() {
    MinedInputs in = inputs(Map.of(StatKey.state("a"), new StatValue(1, 1, 0, CustomerSketch.of("c"),
        CustomerSketch.of("c"))));
    PrivateRelease.Result r = PrivateRelease.of(RewriterConfig.defaults()).apply(in);
    assertThat(r.inputs()).isSameAs(in);
    assertThat(r.enabled()).isFalse();
    Map<String, Object> manifest = new LinkedHashMap<>();
    r.recordGuarantee(manifest);
    r.recordReport(manifest);
    assertThat(manifest).isEmpty();
  }

  @Test
  void itRefusesStatisticsThatWereNotBoundedPerCustomer() {
    Map<String, StatValue> raw = new HashMap<>(agreed());
    raw.put(StatKey.state(MEANT), new StatValue(900, 880, 0, CustomerSketch.of("c"), CustomerSketch.of("c")));
    assertThatThrownBy(() -> release(1, 3, 1).apply(inputs(raw))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not bounded per customer").hasMessageContaining("streaming job");
  }

  @Test
  void itNeverReleasesARequestOrARewriteThatOneCustomerVotedFor() {
    Map<String, StatValue> v = new HashMap<>();
    for (int i = 0; i < 10_000; i++) {
      vote(v, "request " + i, Outcome.FIXED, "target " + i, 1);
      vote(v, "said once " + i, Outcome.OK, null, 1);
    }
    for (long seed = 0; seed < 5; seed++) { // 100,000 single-customer keys at ε = 1: expected releases ≤ 0.1
      PrivateRelease.Result r = release(1, 1, seed).apply(inputs(v));
      assertThat(r.inputs().stats()).as("seed %d", seed).isEmpty();
    }
  }

  @Test
  void whatManyCustomersAgreeOnIsReleasedAndTheSolverKeepsIt() {
    PrivateRelease.Result r = release(1, 1, 7).apply(inputs(agreed()));
    Map<String, StatValue> s = r.inputs().stats();
    assertThat(s).containsKeys(StatKey.pair(MISHEARD, MEANT), StatKey.transition(MISHEARD, MEANT),
        StatKey.state(MISHEARD), StatKey.state(MEANT), StatKey.rephrased(MISHEARD));
    assertThat(s.keySet()).as("nothing one customer said, no vote left").noneMatch(k -> k.contains("marguerite")
        || StatKey.kind(k) == StatKey.VOTE);
    // noisy counts of customers (noise scale 2 at ε = 0.5 and M = 1), never the raw ones by construction
    assertThat(s.get(StatKey.state(MISHEARD)).count()).isBetween(435L - 40, 435L + 40);
    assertThat(s.get(StatKey.state(MEANT)).successes()).isBetween(300L - 20, 300L + 20);
    assertThat(s.get(StatKey.pair(MISHEARD, MEANT)).successes()).isBetween(400L - 30, 400L + 30);
    MinedStats mined = MinedStats.of(s);
    assertThat(new SolveJob(RewriterConfig.defaults()).solve(mined).entries().get(MISHEARD).target())
        .isEqualTo(MEANT);
  }

  @Test
  void itRecordsTheGuaranteeInTheManifestAndTheReleaseInTheSummary() {
    PrivateRelease.Result r = release(2, 3, 1).apply(inputs(agreed()));
    Map<String, Object> manifest = new LinkedHashMap<>();
    Map<String, Object> summary = new LinkedHashMap<>();
    r.recordGuarantee(manifest);
    r.recordReport(summary);
    assertThat(map(manifest.get("privacy"))).containsEntry("epsilon", 2.0).containsEntry("delta", 1e-6)
        .containsEntry("maxChainsPerRequest", 3).containsEntry("maxRequestsPerCustomer", 3)
        .containsEntry("selectionShare", 0.5).containsKeys("unit", "composition");
    Map<String, Object> report = map(summary.get("privacy"));
    assertThat(map(report.get("selection"))).containsEntry("threshold", 45L);
    assertThat(map(report.get("released"))).containsEntry("rewrites", 1L);
  }

  @Test
  void itKeepsTheFactsOfReleasedRequestsOnlyAndNoRankerExample() {
    Map<String, LatestValue> facts = Map.of("D\t" + MEANT, new LatestValue(1, "IoT|LightsOn"),
        "D\tcall my sister marguerite", new LatestValue(1, "Calling|Call"));
    List<TrainingExample> positives = List.of(new TrainingExample("c1", 0, 1, "", MISHEARD, MEANT),
        new TrainingExample("c2", 0, 1, "", MISHEARD, "call my sister marguerite"));
    List<TrainingExample> negatives = List.of(new TrainingExample("c1", 0, 1, "", MEANT, null),
        new TrainingExample("c2", 0, 1, "", "call my sister marguerite", null));
    MinedInputs in = new MinedInputs(agreed(), facts, Map.of(), positives, negatives);
    MinedInputs out = release(1, 1, 3).apply(in).inputs();
    assertThat(out.facts()).containsOnlyKeys("D\t" + MEANT);
    assertThat(out.positives()).as("a private model's ranker learns on a public world").isEmpty();
    assertThat(out.negatives()).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }
}
