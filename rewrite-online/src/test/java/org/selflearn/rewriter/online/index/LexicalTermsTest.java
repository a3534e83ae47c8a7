package org.selflearn.rewriter.online.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LexicalTermsTest {
  @Test
  void shouldIndexPaddedTrigramsWithSpacesShownAsUnderscores() {
    assertThat(LexicalTerms.grams("ab c")).containsExactly("_ab", "ab_", "b_c", "_c_");
  }

  @Test
  void shouldPrefixJoinedPhoneticTrigramsAndKeepTokenCodes() {
    assertThat(LexicalTerms.phonetic("hello world"))
        .anyMatch(t -> t.startsWith("t:"))
        .anyMatch(t -> t.startsWith("j:_") && t.length() == 5)
        .allMatch(t -> t.startsWith("t:") || t.length() == 5);
  }
}
