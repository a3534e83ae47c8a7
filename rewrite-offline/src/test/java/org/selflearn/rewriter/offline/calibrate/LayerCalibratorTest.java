package org.selflearn.rewriter.offline.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.selflearn.rewriter.common.event.InteractionEvent;
import org.selflearn.rewriter.common.event.Response;
import org.selflearn.rewriter.common.event.ResponseStatus;
import org.selflearn.rewriter.common.event.RewriteSource;
import org.selflearn.rewriter.common.event.Signals;
import org.selflearn.rewriter.common.event.Truth;
import org.selflearn.rewriter.online.DecisionTrace;
import org.selflearn.rewriter.online.LayerCalibration;
import org.selflearn.rewriter.offline.replay.ReplayTurn;

/** The layer choice of self-calibration on held-out turns whose customers corrected themselves (or gave up). */
class LayerCalibratorTest {
  private final List<ReplayTurn> turns = new ArrayList<>();
  private final List<DecisionTrace> traces = new ArrayList<>();
  private final LayerCalibrator calibrator = new LayerCalibrator(5.0, 0.5, 20,
      new CorrectionJudge(org.selflearn.rewriter.online.index.WordingClasses.NONE, Map.of(), 0.5));

  /**
   * A failed turn that the customer repaired by saying {@code fix} (or gave up on, fix null); what was heard is close
   * to the repair, so a different repair contradicts a proposal.
   */
  private void turn(String fix, DecisionTrace trace) {
    int n = turns.size();
    String heard = fix == null ? "heard x" + n : "uh " + fix;
    // a truth label that would call every proposal right: the calibration must never read it
    Truth misleading = new Truth(trace.ranked() != null ? trace.ranked() : "t" + n, List.of());
    InteractionEvent e = new InteractionEvent("e" + n, Instant.parse("2026-11-20T08:00:00Z"), "c" + n, null, null,
        null, null, heard, Double.NaN, null, new Response(ResponseStatus.ERROR, null), Signals.NONE, null,
        misleading);
    turns.add(new ReplayTurn(e, heard, null, true, fix));
    traces.add(trace);
  }

  @Test
  void aLayerWhoseRewritesCustomersContradictIsSwitchedOffAndAGoodOneServes() {
    for (int i = 0; i < 60; i++) { // the table proposes what the customers then said
      turn("fix x" + i, new DecisionTrace(null, "fix x" + i, null, null, Double.NaN));
    }
    for (int i = 0; i < 40; i++) { // global retrieval proposes something else, scored high
      turn("fix g" + i, new DecisionTrace(null, null, "wrong " + i, RewriteSource.GLOBAL, 0.95));
    }
    for (int i = 0; i < 30; i++) { // personal retrieval right at high scores...
      turn("fix p" + i, new DecisionTrace(null, null, "fix p" + i, RewriteSource.PERSONAL, 0.8));
    }
    for (int i = 0; i < 10; i++) { // ...and wrong at lower ones
      turn("fix q" + i, new DecisionTrace(null, null, "wrong q" + i, RewriteSource.PERSONAL, 0.55));
    }
    LayerCalibrator.Result r = calibrator.choose(turns, traces, 0.5);
    LayerCalibration c = r.choice();
    assertThat(c.precomputed()).isTrue();
    assertThat(c.rankedGlobal()).isFalse();
    assertThat(c.rankedPersonal()).isTrue();
    assertThat(c.personalThreshold()).isEqualTo(0.8);
    assertThat(c.ownHistory()).as("no evidence: keeps its default").isTrue();
    assertThat(asMap(r.evidence().get("rankedGlobal"))).containsEntry("contradicted", 40L)
        .containsEntry("serve", false);
  }

  @Test
  void aLayerCustomersAlmostNeverConfirmIsOffEvenWhenItsJudgedRatioIsHigh() {
    for (int i = 0; i < 40; i++) { // the table: customers confirm most of it (40 of 60)
      turn(i < 40 ? "fix t" + i : null, new DecisionTrace(null, "fix t" + i, null, null, Double.NaN));
    }
    for (int i = 0; i < 20; i++) {
      turn(null, new DecisionTrace(null, "fix u" + i, null, null, Double.NaN));
    }
    for (int i = 0; i < 25; i++) {
      turn("fix x" + i, new DecisionTrace(null, null, "fix x" + i, RewriteSource.GLOBAL, 0.9));
    }
    for (int i = 0; i < 400; i++) { // customers gave up: nobody can tell whether these were right
      turn(null, new DecisionTrace(null, null, "guess " + i, RewriteSource.GLOBAL, 0.9));
    }
    LayerCalibrator.Result r = calibrator.choose(turns, traces, 0.5);
    assertThat(r.choice().precomputed()).isTrue();
    assertThat(r.choice().rankedGlobal()).as("25 confirmed of 425: 6%, the table 67%").isFalse();
    assertThat(r.evidence()).containsEntry("bestConfirmedShare", 0.667);
  }

  @Test
  void aLayerDecidedOffLeavesItsTurnsToTheNextLayer() {
    for (int i = 0; i < 50; i++) { // own history is wrong; the table below it would be right
      turn("fix x" + i, new DecisionTrace("wrong " + i, "fix x" + i, null, null, Double.NaN));
    }
    LayerCalibration c = calibrator.choose(turns, traces, 0.5).choice();
    assertThat(c.ownHistory()).isFalse();
    assertThat(c.precomputed()).isTrue();
  }

  @Test
  void aThinlyJudgedRankedLayerIsDecidedOnBothRankedLayersJudgedRewritesAndThenServesWhatItsGatesAdmit() {
    for (int i = 0; i < 30; i++) { // ranked personal: confirmed 30 times, never contradicted
      turn("fix p" + i, new DecisionTrace(null, null, "fix p" + i, RewriteSource.PERSONAL, 0.9));
    }
    for (int i = 0; i < 12; i++) { // ranked global: customers gave up every time, one contradicted
      turn(null, new DecisionTrace(null, null, "guess " + i, RewriteSource.GLOBAL, 0.1));
    }
    turn("fix g", new DecisionTrace(null, null, "wrong g", RewriteSource.GLOBAL, 0.2));
    LayerCalibrator.Result r = calibrator.choose(turns, traces, 0);
    assertThat(r.choice().rankedPersonal()).isTrue();
    assertThat(r.choice().rankedGlobal()).as("1 judged of its own does not refute 5:1; pooled 30:1").isTrue();
    assertThat(r.choice().globalThreshold()).isEqualTo(0.0);
    assertThat(asMap(r.evidence().get("rankedGlobal"))).containsKey("pooled");
  }

  @Test
  void aThinlyJudgedRankedLayerWhoseFewJudgedRewritesAreAllContradictedStaysOff() {
    for (int i = 0; i < 30; i++) {
      turn("fix p" + i, new DecisionTrace(null, null, "fix p" + i, RewriteSource.PERSONAL, 0.9));
    }
    for (int i = 0; i < 3; i++) {
      turn("fix g" + i, new DecisionTrace(null, null, "wrong g" + i, RewriteSource.GLOBAL, 0.2));
    }
    LayerCalibrator.Result r = calibrator.choose(turns, traces, 0);
    assertThat(r.choice().rankedPersonal()).isTrue();
    assertThat(r.choice().rankedGlobal()).as("three contradicted, none confirmed").isFalse();
  }

  @Test
  void theConsistencyTestIsABinomialTail() {
    assertThat(LayerCalibrator.binomialCdf(0, 1, 5.0 / 6)).isCloseTo(1.0 / 6, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(LayerCalibrator.binomialCdf(3, 3, 0.3)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(LayerCalibrator.binomialCdf(1, 4, 0.5)).isCloseTo(5.0 / 16, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void belowTheRankersOwnThresholdALayerWithEnoughJudgedRewritesDoesNotServe() {
    for (int i = 0; i < 30; i++) { // confirmed, but every proposal scores below the ranker's own threshold
      turn("fix g" + i, new DecisionTrace(null, null, "fix g" + i, RewriteSource.GLOBAL, 0.1));
    }
    LayerCalibrator.Result r = calibrator.choose(turns, traces, 0.5);
    assertThat(r.choice().rankedGlobal()).as("30 judged of its own: not pooled, and nothing above 0.5").isFalse();
    assertThat(r.rankedAtLeastRankerThreshold()).containsExactly(true, true);
  }

  @Test
  void theRankedProposalsOfTurnsTheServingChainLayersTakeAreNeverRead() {
    for (int i = 0; i < 40; i++) { // the table serves these; ranked retrieval would propose nonsense for them
      turn("fix t" + i, new DecisionTrace(null, "fix t" + i, "wrong t" + i, RewriteSource.GLOBAL, 0.9));
    }
    for (int i = 0; i < 30; i++) { // left to the ranked layers: personal right at high scores, global wrong
      turn("fix p" + i, new DecisionTrace(null, null, "fix p" + i, RewriteSource.PERSONAL, 0.8 + i / 1000.0));
      turn("fix g" + i, new DecisionTrace(null, null, "wrong g" + i, RewriteSource.GLOBAL, 0.7));
    }
    LayerCalibrator.Result whole = calibrator.choose(turns, traces, 0.5);
    LayerCalibrator.ChainLayers chain = calibrator.chainLayers(turns, traces);
    List<DecisionTrace> chainOnly = new ArrayList<>();
    for (DecisionTrace t : traces) { // what the two-pass trace keeps for turns it does not retrieve for
      chainOnly.add(chain.leaveToRanked(t) ? t : new DecisionTrace(t.ownHistory(), t.table(), null, null, Double.NaN));
    }
    LayerCalibrator.Result twoPass = calibrator.choose(turns, chainOnly, 0.5);
    assertThat(chain.tableOn()).isTrue();
    assertThat(chainOnly).filteredOn(t -> t.ranked() == null).hasSize(40);
    assertThat(twoPass.choice()).isEqualTo(whole.choice());
    assertThat(twoPass.evidence()).isEqualTo(whole.evidence());
    assertThat(whole.choice().rankedPersonal()).isTrue();
    assertThat(whole.choice().personalThreshold()).isEqualTo(0.8);
    assertThat(whole.choice().rankedGlobal()).isFalse();
  }

  @Test
  void aTurnLeftToTheRankedLayersIsOneNoServingChainLayerProposesFor() {
    LayerCalibrator.ChainLayers tableOnly = new LayerCalibrator.ChainLayers(false, true, Map.of());
    assertThat(tableOnly.leaveToRanked(new DecisionTrace("mine", null, null, null, Double.NaN))).isTrue();
    assertThat(tableOnly.leaveToRanked(new DecisionTrace(null, "table", null, null, Double.NaN))).isFalse();
    LayerCalibrator.ChainLayers both = new LayerCalibrator.ChainLayers(true, true, Map.of());
    assertThat(both.leaveToRanked(new DecisionTrace("mine", null, null, null, Double.NaN))).isFalse();
    assertThat(both.leaveToRanked(new DecisionTrace(null, null, "ranked", RewriteSource.GLOBAL, 0.9))).isTrue();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    return (Map<String, Object>) o;
  }
}
