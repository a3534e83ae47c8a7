package org.selflearn.rewriter.offline.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.selflearn.rewriter.common.event.InteractionEvent;
import org.selflearn.rewriter.common.event.Response;
import org.selflearn.rewriter.common.event.ResponseStatus;
import org.selflearn.rewriter.common.event.Signals;
import org.selflearn.rewriter.common.event.Truth;

/** The scoring rules of log-format.md ("Replay report"). */
class ScoringTest {
  static ReplayTurn turn(String id, String heard, boolean defect, String fix, Truth truth) {
    InteractionEvent e = new InteractionEvent(id, Instant.parse("2026-11-20T08:00:00Z"), "c-1", null, null, null,
        null, heard, Double.NaN, null, new Response(defect ? ResponseStatus.ERROR : ResponseStatus.SUCCESS, null),
        Signals.NONE, null, truth);
    return new ReplayTurn(e, heard, null, defect, fix);
  }

  @Test
  void withTruthTheIntendedOrAnEquivalentWinsAndAnythingElseLoses() {
    Truth t = new Truth("Play Imagine Dragons", List.of("play the band imagine dragons"));
    ReplayTurn r = turn("1", "play maj and dragons", true, null, t);
    assertThat(Outcome.of(r, "play imagine dragons!")).isEqualTo(Outcome.WIN);
    assertThat(Outcome.of(r, "play the band imagine dragons")).isEqualTo(Outcome.WIN);
    assertThat(Outcome.of(r, "play dragons")).isEqualTo(Outcome.LOSS);
    assertThat(Outcome.of(r, null)).isEqualTo(Outcome.NONE);
    assertThat(Outcome.of(r, "Play maj and dragons")).as("normalises to what was heard").isEqualTo(Outcome.NONE);
    ReplayTurn right = turn("2", "play imagine dragons", false, null, new Truth("play imagine dragons", List.of()));
    assertThat(Outcome.of(right, "play something else")).isEqualTo(Outcome.LOSS);
  }

  @Test
  void withoutTruthTheCustomersOwnSuccessfulRephraseIsTheProxy() {
    ReplayTurn fixedLater = turn("1", "play maj and dragons", true, "play imagine dragons", null);
    assertThat(Outcome.of(fixedLater, "play imagine dragons")).isEqualTo(Outcome.WIN);
    assertThat(Outcome.of(fixedLater, "play dragon songs")).isEqualTo(Outcome.LOSS);
    ReplayTurn succeeded = turn("2", "play imagine dragons", false, null, null);
    assertThat(Outcome.of(succeeded, "play imagine dragon")).isEqualTo(Outcome.LOSS);
    ReplayTurn gaveUp = turn("3", "play maj and dragons", true, null, null);
    assertThat(Outcome.of(gaveUp, "play imagine dragons")).isEqualTo(Outcome.NEUTRAL);
  }

  @Test
  void theReportCountsRepairedDefectsAndNewOnesAndSaysWhenThereAreNoLosses() {
    Truth t = new Truth("play imagine dragons", List.of());
    List<ReplayTurn> turns = List.of(turn("1", "play maj and dragons", true, null, t),
        turn("2", "play imagine dragons", false, null, t), turn("3", "play imagine dragons", false, null, t),
        turn("4", "play maj and dragons", true, null, t));
    List<Decision> decisions = List.of(new Decision("1", "play imagine dragons", "PRECOMPUTED", 0.9, 5),
        new Decision("2", null, null, null, 3), new Decision("3", "play dragons", "GLOBAL", 0.7, 900),
        new Decision("4", null, null, null, 4));
    Map<String, Object> r = new ScoreCard(turns, decisions).toReport();
    assertThat(r).containsEntry("turns", 4L).containsEntry("defectsBefore", 2L).containsEntry("triggered", 2L)
        .containsEntry("wins", 1L).containsEntry("losses", 1L).containsEntry("winLossRatio", 1.0)
        .containsEntry("defectRateBefore", 0.5).containsEntry("defectRateAfter", 0.5);
    assertThat(r.get("bySource").toString()).contains("PRECOMPUTED={", "GLOBAL={");
    assertThat(r.get("latencyMicros").toString()).contains("max=900");
    Map<String, Object> none = new ScoreCard(turns.subList(0, 1), decisions.subList(0, 1)).toReport();
    assertThat(none).containsEntry("winLossRatio", 1.0).containsKey("note").containsEntry("defectReduction", 1.0);
  }
}
