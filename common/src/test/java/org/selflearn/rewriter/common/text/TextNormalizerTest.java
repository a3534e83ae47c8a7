package org.selflearn.rewriter.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {
  @Test
  void shouldFoldCasePunctuationApostrophesAndAccents() {
    assertThat(TextNormalizer.normalize("  What's the Weather in  Wilkerson, CA? ")).isEqualTo(
        "whats the weather in wilkerson ca");
    assertThat(TextNormalizer.normalize("Play Beyoncé & Jay-Z")).isEqualTo("play beyonce and jay z");
  }

  @Test
  void shouldSpellOutNumbersButKeepCodes() {
    assertThat(TextNormalizer.normalize("set a timer for 10 minutes")).isEqualTo("set a timer for ten minutes");
    assertThat(TextNormalizer.normalize("2024")).isEqualTo("two thousand twenty four");
    assertThat(TextNormalizer.normalize("call 5551234567")).isEqualTo("call 5551234567");
    assertThat(TextNormalizer.normalize("agent 007")).isEqualTo("agent 007");
    assertThat(TextNormalizer.normalize("play mp3 files")).isEqualTo("play mp3 files");
    assertThat(TextNormalizer.numberToWords(115)).isEqualTo("one hundred fifteen");
  }

  @Test
  void shouldBeIdempotentAndUseTheRootLocale() {
    String once = TextNormalizer.normalize("TITLE İstanbul 45");
    assertThat(TextNormalizer.normalize(once)).isEqualTo(once);
    assertThat(TextNormalizer.normalize(null)).isEmpty();
  }
}
