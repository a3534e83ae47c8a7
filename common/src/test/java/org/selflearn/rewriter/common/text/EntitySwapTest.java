package org.selflearn.rewriter.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntitySwapTest {
  private final UtteranceSimilarity similarity = new UtteranceSimilarity();

  @Test
  void anotherNameInTheSameFrameIsASwap() {
    assertThat(similarity.entitySwap("read my messages from rosalin", "read my messages from coach miller")).isTrue();
    assertThat(similarity.entitySwap("show the tide table for the harbour", "show the tide table for port elsmere")).isTrue();
    assertThat(similarity.entitySwap("play songs by adele", "play songs by metallica")).isTrue();
  }

  @Test
  void aMisheardNameThatKeepsItsSoundIsNotASwap() {
    assertThat(similarity.entitySwap("play imagine dragon", "play imagine dragons")).isFalse();
    assertThat(similarity.entitySwap("weather in sacra mento", "weather in sacramento")).isFalse();
    assertThat(similarity.entitySwap("read my messages from rosalynd", "read my messages from rosalind")).isFalse();
  }

  @Test
  void completionsAndUnrelatedRequestsAreNotSwaps() {
    // a completion inserts words; two requests with no common frame are not a substitution inside one
    assertThat(similarity.entitySwap("put the kettle timer on", "put the kettle timer on for six minutes")).isFalse();
    assertThat(similarity.entitySwap("play jazz", "what is the weather")).isFalse();
    assertThat(similarity.entitySwap("play jazz", "play jazz")).isFalse();
  }
}
