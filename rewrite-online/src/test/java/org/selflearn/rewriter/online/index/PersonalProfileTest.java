package org.selflearn.rewriter.online.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The own-history rules a customer's memory answers. */
class PersonalProfileTest {
  private static PersonalEntry said(String text, int times) {
    return new PersonalEntry(text, times, 0, 0, "", new byte[0]);
  }

  @Test
  void aCustomersChainsRewriteTheirRequestWhenOneEndingDominates() {
    PersonalProfile p = new PersonalProfile(List.of(), List.of(
        new PersonalPair("wake me up", "wake me up at half past six", 4),
        new PersonalPair("wake me up", "wake me up at quarter to eight", 1)));
    assertThat(p.ownRewrite("wake me up", 3, 0.6)).isEqualTo("wake me up at half past six");
    assertThat(p.ownRewrite("wake me up", 5, 0.6)).as("four chains are fewer than five").isNull();
    assertThat(p.ownRewrite("wake me up", 3, 0.85)).as("4 of 5 is 80%").isNull();
    assertThat(p.ownRewrite("play jazz", 1, 0.5)).isNull();
  }

  @Test
  void aRequestThatWorksForTheCustomerAsSaidIsTheirs() {
    PersonalProfile p = new PersonalProfile(List.of(said("weather in wilkerson", 6), said("play jazz", 2)),
        List.of(new PersonalPair("weather in wilkerson", "weather in wilkerson california", 2)));
    assertThat(p.succeedsAsSaid("weather in wilkerson", 3)).isTrue();
    assertThat(p.succeedsAsSaid("play jazz", 3)).as("two successes are fewer than three").isFalse();
    PersonalProfile rephrasesMore = new PersonalProfile(List.of(said("weather in wilkerson", 3)),
        List.of(new PersonalPair("weather in wilkerson", "weather in wilkerson california", 3)));
    assertThat(rephrasesMore.succeedsAsSaid("weather in wilkerson", 3)).isFalse();
  }
}
