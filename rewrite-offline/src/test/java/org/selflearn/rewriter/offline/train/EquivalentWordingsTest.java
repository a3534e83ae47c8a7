package org.selflearn.rewriter.offline.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.selflearn.rewriter.markov.PairStats;
import org.selflearn.rewriter.offline.mining.MinedStats;

class EquivalentWordingsTest {
  static MinedStats.StateRow row(String s, long turns, long ok) {
    return new MinedStats.StateRow(s, turns, ok, 0, 10, 10);
  }

  @Test
  void wordingsThatFixTheSameFailingRequestOrAreReworededIntoEachOtherAreEquivalent() {
    Map<String, MinedStats.StateRow> states = Map.of(
        "play maroon fine", row("play maroon fine", 50, 2),
        "play maroon five", row("play maroon five", 100, 95),
        "play songs by maroon five", row("play songs by maroon five", 40, 38),
        "play hozier", row("play hozier", 60, 57),
        "play music by hozier", row("play music by hozier", 30, 28),
        "turn on the lights", row("turn on the lights", 80, 78));
    List<PairStats> pairs = List.of(
        new PairStats("play maroon fine", "play maroon five", 20, 12, 18),
        new PairStats("play maroon fine", "play songs by maroon five", 8, 6, 7),
        new PairStats("play hozier", "play music by hozier", 3, 3, 2),
        new PairStats("play hozier", "turn on the lights", 1, 1, 1));
    EquivalentWordings w = new EquivalentWordings(new MinedStats(states, List.of(), pairs, java.util.Map.of()));
    assertThat(w.equivalent("play maroon five", "play songs by maroon five")).isTrue();
    assertThat(w.equivalent("play hozier", "play music by hozier")).isTrue();
    assertThat(w.equivalent("play hozier", "turn on the lights")).as("one chain is not evidence").isFalse();
    assertThat(w.equivalent("play maroon fine", "play maroon five")).as("a failing request is no wording")
        .isFalse();
    assertThat(w.equivalent("x", "x")).isTrue();
  }
}
