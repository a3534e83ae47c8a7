package org.selflearn.rewriter.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.junit.jupiter.api.Test;

/** Token codes are Double Metaphone's, whether computed or remembered. */
class PhoneticEncoderTest {
  @Test
  void encodesEachTokenAndJoinsTheCodes() {
    PhoneticEncoder encoder = new PhoneticEncoder();
    assertThat(encoder.encodeTokens("play imagine")).isEqualTo("PL AMJN");
    assertThat(encoder.encodeJoined("play imagine")).isEqualTo("PLAMJN");
    assertThat(encoder.encodeJoined("play imagine")).as("remembered").isEqualTo("PLAMJN");
  }

  @Test
  void rememberedCodesEqualFreshOnesAlsoBeyondTheCacheBound() {
    DoubleMetaphone reference = new DoubleMetaphone();
    reference.setMaxCodeLen(6);
    PhoneticEncoder encoder = new PhoneticEncoder();
    SplittableRandom rng = new SplittableRandom(5);
    // more distinct tokens than are remembered, each asked for several times in different texts
    int distinct = PhoneticEncoder.CACHED_TOKENS + 5_000;
    for (int i = 0; i < 3 * distinct; i++) {
      String a = token(rng.nextInt(distinct));
      String b = token(rng.nextInt(distinct));
      String expected = code(reference, a) + " " + code(reference, b);
      assertThat(encoder.encodeTokens(a + " " + b)).as(a + " " + b).isEqualTo(expected);
    }
  }

  private static String code(DoubleMetaphone reference, String token) {
    String c = reference.doubleMetaphone(token);
    return c == null || c.isEmpty() ? token : c;
  }

  /** A pronounceable token per number (letters chosen by the number's digits in base 20). */
  private static String token(int n) {
    String letters = "bcdfghklmnprstaeiouy";
    StringBuilder sb = new StringBuilder();
    do {
      sb.append(letters.charAt(n % letters.length()));
      n /= letters.length();
    } while (n > 0);
    return sb.toString();
  }
}
