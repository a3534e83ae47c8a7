package org.selflearn.rewriter.offline.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.selflearn.rewriter.common.event.InteractionEvent;
import org.selflearn.rewriter.common.event.Response;
import org.selflearn.rewriter.common.event.ResponseStatus;
import org.selflearn.rewriter.common.event.Signals;
import org.selflearn.rewriter.online.index.WordingClasses;
import org.selflearn.rewriter.offline.replay.Outcome;
import org.selflearn.rewriter.offline.replay.ReplayTurn;

class CorrectionJudgeTest {
  private static ReplayTurn failed(String heard, String fix) {
    InteractionEvent e = new InteractionEvent("e1", Instant.parse("2026-11-20T08:00:00Z"), "c1", null, null, null,
        null, heard, Double.NaN, null, new Response(ResponseStatus.ERROR, null), Signals.NONE, null, null);
    return new ReplayTurn(e, heard, null, true, fix);
  }

  @Test
  void anotherWordingWithTheSameInterpretationConfirms() {
    CorrectionJudge judge = new CorrectionJudge(WordingClasses.NONE, Map.of(
        "what is the weather in spokane", "Weather|Get|city=spokane",
        "whats the weather in spokane", "Weather|Get|city=spokane",
        "whats the weather in seattle", "Weather|Get|city=seattle"), 0.5);
    ReplayTurn t = failed("whats the weather in spoke can", "what is the weather in spokane");
    assertThat(judge.judge(t, "whats the weather in spokane")).isEqualTo(Outcome.WIN);
    assertThat(judge.judge(t, "whats the weather in seattle")).isEqualTo(Outcome.LOSS);
  }

  @Test
  void aTurnAnEarlierModelRewroteIsJudgedByWhatWasExecuted() {
    CorrectionJudge judge = new CorrectionJudge(WordingClasses.NONE, Map.of(), 0.5);
    InteractionEvent worked = new InteractionEvent("e2", Instant.parse("2026-11-20T08:00:00Z"), "c1", null, null,
        null, null, "play maj and dragons", Double.NaN, null, new Response(ResponseStatus.SUCCESS, null),
        Signals.NONE, new org.selflearn.rewriter.common.event.AppliedRewrite("play imagine dragons",
            org.selflearn.rewriter.common.event.RewriteSource.PRECOMPUTED, 0.9), null);
    ReplayTurn t = new ReplayTurn(worked, "play maj and dragons", null, false, null);
    assertThat(judge.judge(t, "play imagine dragons")).as("not 'it had succeeded as said'").isEqualTo(Outcome.WIN);
    assertThat(judge.judge(t, "play dragons")).isEqualTo(Outcome.LOSS);
    ReplayTurn failedRewrite = new ReplayTurn(worked, "play maj and dragons", null, true, null);
    assertThat(judge.judge(failedRewrite, "play imagine dragons")).isEqualTo(Outcome.LOSS);
  }

  @Test
  void aFollowUpUnrelatedToTheRequestAndTheProposalLeavesItUnjudged() {
    CorrectionJudge judge = new CorrectionJudge(WordingClasses.NONE, Map.of(), 0.5);
    ReplayTurn gaveUpAndMovedOn = failed("turn on the like since kitchen", "what is the time");
    assertThat(judge.judge(gaveUpAndMovedOn, "turn on the lights in the kitchen")).isEqualTo(Outcome.NEUTRAL);
    ReplayTurn repaired = failed("read my messages from rosalin", "read my messages from rosalind");
    assertThat(judge.judge(repaired, "read my messages from coach miller")).isEqualTo(Outcome.LOSS);
    assertThat(judge.judge(repaired, "read my messages from rosalind")).isEqualTo(Outcome.WIN);
  }
}
