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

  @Test
  void bitParallelLevenshteinEqualsTheDynamicProgrammeAtEveryLength() {
    assertThat(Similarity.levenshtein("kitten", "sitting")).isEqualTo(3);
    assertThat(Similarity.levenshtein("", "abc")).isEqualTo(3);
    assertThat(Similarity.levenshtein("abc", "")).isEqualTo(3);
    SplittableRandom rng = new SplittableRandom(29);
    for (int i = 0; i < 20_000; i++) {
      // lengths on both sides of the 64-character word, few letters (many matches), now and then a non-ASCII one
      String a = randomWord(rng, rng.nextInt(72));
      String b = rng.nextInt(4) == 0 ? mutate(rng, a) : randomWord(rng, rng.nextInt(72));
      assertThat(Similarity.levenshtein(a, b)).as("%s / %s", a, b).isEqualTo(Similarity.dynamicProgramme(a, b));
      assertThat(Similarity.levenshtein(b, a)).as("%s / %s", b, a).isEqualTo(Similarity.dynamicProgramme(a, b));
    }
  }

  private static String randomWord(SplittableRandom rng, int length) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      sb.append(rng.nextInt(200) == 0 ? 'é' : rng.nextInt(8) == 0 ? ' ' : (char) ('a' + rng.nextInt(5)));
    }
    return sb.toString();
  }

  /** A few random edits of a text: close pairs, where the distance is small and every branch of the table runs. */
  private static String mutate(SplittableRandom rng, String s) {
    StringBuilder sb = new StringBuilder(s);
    for (int k = rng.nextInt(4); k >= 0; k--) {
      int at = sb.length() == 0 ? 0 : rng.nextInt(sb.length());
      switch (rng.nextInt(3)) {
        case 0 -> sb.insert(at, (char) ('a' + rng.nextInt(5)));
        case 1 -> {
          if (sb.length() > 0) {
            sb.deleteCharAt(at);
          }
        }
        default -> {
          if (sb.length() > 0) {
            sb.setCharAt(at, (char) ('a' + rng.nextInt(5)));
          }
        }
      }
    }
    return sb.toString();
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
