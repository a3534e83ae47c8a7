package org.selflearn.rewriter.offline.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selflearn.rewriter.common.event.DeviceType;
import org.selflearn.rewriter.common.event.Feedback;
import org.selflearn.rewriter.common.event.InteractionEvent;
import org.selflearn.rewriter.common.event.Response;
import org.selflearn.rewriter.common.event.ResponseStatus;
import org.selflearn.rewriter.common.event.Signals;
import org.selflearn.rewriter.offline.mining.MinedSession;
import org.selflearn.rewriter.offline.mining.Turn;

/** The dev world's simple methods as {@link LogBaselines} builds them from sessions. */
class LogBaselinesTest {
  @TempDir
  Path dir;
  private long clock;
  private int ids;

  private MinedSession session(String customer, String... utterances) {
    clock += 3_600_000;
    List<Turn> turns = new ArrayList<>();
    for (int i = 0; i < utterances.length; i++) {
      boolean last = i == utterances.length - 1;
      turns.add(new Turn("e" + (ids++), clock + i * 5_000L, customer, "d", DeviceType.SPEAKER, utterances[i],
          utterances[i], "", "", !last, false, Feedback.NONE, 0));
    }
    // LogBaselines cuts its own chains: the labels here are not read
    return new MinedSession(turns, new boolean[turns.size()], new boolean[turns.size()], List.of());
  }

  private static ReplayTurn turn(String customer, String heard) {
    InteractionEvent e = new InteractionEvent("x", Instant.parse("2026-11-20T08:00:00Z"), customer, null, null, null,
        null, heard, Double.NaN, null, new Response(ResponseStatus.ERROR, null), Signals.NONE, null, null);
    return new ReplayTurn(e, heard, null, true, null);
  }

  @Test
  void naiveChainPairCountingAndTheTwoRules() {
    LogBaselines b = new LogBaselines(45_000);
    for (int c = 0; c < 4; c++) {
      b.accept(session("m" + c, "play maj and dragons", "play imagine dragons"));
    }
    for (int k = 0; k < 3; k++) { // one customer's short form, their way
      b.accept(session("a", "wake me up", "wake me up at half past six"));
    }
    for (int c = 0; c < 4; c++) { // everyone else completes it another way
      b.accept(session("o" + c, "wake me up", "wake me up at quarter to eight"));
    }
    b.accept(session("m0", "play maj and dragons", "what is the weather")); // a give-up: one chain of five
    b.write(dir);

    RewriteStrategy naive = NaiveChainBaseline.naive(dir);
    assertThat(naive.decide(turn("z", "play maj and dragons")).rewrite()).isEqualTo("play imagine dragons");
    assertThat(naive.decide(turn("a", "wake me up")).rewrite()).isEqualTo("wake me up at quarter to eight");
    RewriteStrategy rules = NaiveChainBaseline.withRules(dir);
    assertThat(rules.decide(turn("a", "wake me up")).rewrite()).as("own chains override").isEqualTo(
        "wake me up at half past six");
    assertThat(rules.decide(turn("a", "wake me up")).source()).isEqualTo("PERSONAL");
    assertThat(rules.decide(turn("z", "wake me up")).rewrite()).as("4 of the 5 customers (80%, above 70%) ended there")
        .isEqualTo("wake me up at quarter to eight");
    assertThat(rules.decide(turn("z", "play maj and dragons")).rewrite()).isEqualTo("play imagine dragons");
    RewriteStrategy pairs = PairCountingBaseline.load(dir);
    assertThat(pairs.decide(turn("z", "play maj and dragons")).rewrite()).isEqualTo("play imagine dragons");
    assertThat(pairs.decide(turn("z", "never heard")).rewrite()).isNull();
  }

  @Test
  void argmaxBreaksTiesByText() {
    assertThat(LogBaselines.argmax(java.util.Map.of("b", 2, "a", 2, "c", 1))).isEqualTo("a");
    assertThat(LogBaselines.argmax(java.util.Map.<String, Integer>of())).isNull();
  }
}
