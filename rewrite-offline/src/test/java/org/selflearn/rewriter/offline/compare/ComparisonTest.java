package org.selflearn.rewriter.offline.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.selflearn.rewriter.common.event.DeviceType;
import org.selflearn.rewriter.offline.replay.Decision;
import org.selflearn.rewriter.offline.replay.ReplayTurn;

/** The comparison on synthetic replays with a known effect: interval coverage, self-comparison, harm found. */
class ComparisonTest {
  private static final double DEFECT_RATE = 0.3;

  @Test
  void theIntervalOfTheDifferenceCoversTheKnownEffectInAtLeast92PercentOf200Replays() {
    SyntheticReplays.Model a = new SyntheticReplays.Model(0.20, 0.01);
    SyntheticReplays.Model b = new SyntheticReplays.Model(0.50, 0.02);
    double truth = b.trueReduction(DEFECT_RATE) - a.trueReduction(DEFECT_RATE);
    int covered = 0;
    for (int replay = 0; replay < 200; replay++) {
      SyntheticReplays w = new SyntheticReplays(1_000 + replay, 150, 40, DEFECT_RATE, a, b);
      Tallies t = Tallies.of(w.turns, w.baseline, w.candidate, Slices.none(w.turns.size()),
          org.selflearn.rewriter.offline.replay.Outcome::of);
      Bootstrap.Intervals iv = new Bootstrap(400, replay).run(t);
      int f = Figures.DIFFERENCE + Figures.DEFECT_REDUCTION;
      if (iv.low(0, f) <= truth && truth <= iv.high(0, f)) {
        covered++;
      }
    }
    assertThat(covered).as("replays whose 95%% interval covers %.4f", truth).isGreaterThanOrEqualTo(184);
  }

  @Test
  void aModelComparedWithItselfDiffersByExactlyZeroAndIsNoDifference() {
    SyntheticReplays w = new SyntheticReplays(7, 120, 15, DEFECT_RATE, new SyntheticReplays.Model(0.4, 0.02),
        new SyntheticReplays.Model(0.4, 0.02));
    Map<String, Object> r = new Comparison(new Bootstrap(200, 3)).report(w.turns, w.baseline, w.baseline,
        Slices.of(w.turns));
    assertThat(r).containsEntry("verdict", "no-difference");
    Map<?, ?> d = (Map<?, ?>) r.get("difference");
    for (String k : List.of("defectReduction", "winLossRatio", "defectRateAfter")) {
      assertThat(map(d.get(k))).as(k).containsEntry("estimate", 0.0).containsEntry("low", 0.0)
          .containsEntry("high", 0.0);
    }
    assertThat(map(r.get("whatChanged"))).containsEntry("turnsChanged", 0L);
    assertThat(map(r.get("bootstrap"))).containsEntry("seed", 3L).containsEntry("resamples", 200)
        .containsEntry("unit", "customer");
  }

  @Test
  void aCandidateWithInjectedHarmfulRewritesIsWorseAndItsWorstSliceIsTheHarmedOne() {
    SyntheticReplays w = new SyntheticReplays(11, 300, 20, DEFECT_RATE, new SyntheticReplays.Model(0.5, 0.01),
        new SyntheticReplays.Model(0.5, 0.01));
    List<Decision> harmed = new ArrayList<>(w.candidate);
    for (int i = 0; i < w.turns.size(); i++) {
      ReplayTurn t = w.turns.get(i);
      if (t.event().deviceType() == DeviceType.TV && !t.defect()) {
        harmed.set(i, new Decision(t.event().eventId(), SyntheticReplays.WRONG, "GLOBAL", 0.9, 0));
      }
    }
    Map<String, Object> r = new Comparison(new Bootstrap(300, 5)).report(w.turns, w.candidate, harmed,
        Slices.of(w.turns));
    assertThat(r).containsEntry("verdict", "worse");
    assertThat(map(r.get("worstSlice"))).containsEntry("slice", "device=TV").containsEntry("verdict", "worse");
    Map<?, ?> changed = (Map<?, ?>) r.get("whatChanged");
    assertThat((long) changed.get("losses")).isPositive();
    assertThat((long) changed.get("wins")).isZero();
    Map<?, ?> top = (Map<?, ?>) ((List<?>) changed.get("gained")).get(0);
    assertThat(top.get("rewrite")).isEqualTo(SyntheticReplays.MEANT + " → " + SyntheticReplays.WRONG);
    assertThat(top.get("losses")).isEqualTo(top.get("turns"));
    Map<?, ?> other = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) r.get("slices")).get("device")).get("SPEAKER");
    assertThat(other.get("verdict")).isEqualTo("no-difference");
  }

  @Test
  void aClearlyBetterCandidateIsBetterAndTheTruthlessScoringAddsItsGap() {
    SyntheticReplays w = new SyntheticReplays(13, 200, 20, DEFECT_RATE, new SyntheticReplays.Model(0.2, 0.01),
        new SyntheticReplays.Model(0.6, 0.01));
    Map<String, Object> r = new Comparison(new Bootstrap(200, 1)).report(w.turns, w.baseline, w.candidate,
        Slices.of(w.turns));
    assertThat(r).containsEntry("verdict", "better").containsEntry("scoring", "truth");
    Map<?, ?> truthless = (Map<?, ?>) r.get("truthless");
    // the synthetic turns have no successful rephrase: every repaired defect is unjudged without truth
    Map<?, ?> cand = (Map<?, ?>) truthless.get("candidate");
    assertThat(((Map<?, ?>) cand.get("unjudgedShare")).get("estimate")).isInstanceOf(Double.class);
    assertThat((double) ((Map<?, ?>) cand.get("unjudgedShare")).get("estimate")).isGreaterThan(0.5);
    assertThat(map(cand)).containsKey("gapToTruth");
  }

  @Test
  void noTurnsIsBadInputNotABug() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new Comparison(
        new Bootstrap(20, 1)).report(List.of(), List.of(), List.of(), Slices.none(0))).withMessageContaining("no turns");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }
}
