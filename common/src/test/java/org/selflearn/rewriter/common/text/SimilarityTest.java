package org.selflearn.rewriter.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SimilarityTest {
  private final UtteranceSimilarity sim = new UtteranceSimilarity();

  @Test
  void shouldScoreSpeechErrorsAboveUnrelatedRequests() {
    double asr = sim.compare("play maj and dragons", "play imagine dragons").combined();
    double unrelated = sim.compare("play maj and dragons", "set a timer for ten minutes").combined();
    assertThat(asr).isGreaterThan(0.55).isGreaterThan(unrelated + 0.3);
    assertThat(unrelated).isLessThan(0.35);
  }

  @Test
  void shouldCompareTheDifferingSpan() {
    assertThat(sim.differingSpan("whats the weather in sacra mento", "whats the weather in sacramento"))
        .isGreaterThan(0.7);
    assertThat(sim.differingSpan("will it rain in san diego tomorrow", "will it rain in schenectady tomorrow"))
        .isLessThan(0.45);
    assertThat(sim.differingSpan("how cold is today s", "how cold is today")).isGreaterThan(0.85);
    assertThat(sim.differingSpan("weather in wilkerson", "weather in wilkerson california")).isLessThan(0.7);
  }

  @Test
  void measuresAreSymmetricBoundedAndOneOnEqualInputs() {
    SplittableRandom rng = new SplittableRandom(11);
    for (int i = 0; i < 300; i++) {
      String a = randomText(rng);
      String b = randomText(rng);
      for (double[] pair : new double[][] {
          {Similarity.editSimilarity(a, b), Similarity.editSimilarity(b, a)},
          {Similarity.trigramDice(a, b), Similarity.trigramDice(b, a)},
          {Similarity.tokenJaccard(a, b), Similarity.tokenJaccard(b, a)}}) {
        assertThat(pair[0]).isEqualTo(pair[1]).isBetween(0.0, 1.0);
      }
      assertThat(Similarity.trigramDice(a, a)).isEqualTo(1.0);
      assertThat(Similarity.levenshtein(a, a)).isZero();
    }
  }

  private static String randomText(SplittableRandom rng) {
    StringBuilder sb = new StringBuilder();
    int words = 1 + rng.nextInt(4);
    for (int w = 0; w < words; w++) {
      if (w > 0) {
        sb.append(' ');
      }
      int len = 1 + rng.nextInt(6);
      for (int i = 0; i < len; i++) {
        sb.append((char) ('a' + rng.nextInt(6)));
      }
    }
    return sb.toString();
  }
}
