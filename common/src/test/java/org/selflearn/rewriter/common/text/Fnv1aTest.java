package org.selflearn.rewriter.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Fnv1aTest {
  @Test
  void shouldGiveTheStandardValuesForAsciiAndUtf8Text() {
    assertThat(Fnv1a.hash64("")).isEqualTo(0xcbf29ce484222325L);
    assertThat(Fnv1a.hash64("a")).isEqualTo(0xaf63dc4c8601ec8cL); // published FNV-1a 64 test vector
    assertThat(Fnv1a.hash64("foobar")).isEqualTo(0x85944171f73967e8L);
    assertThat(Fnv1a.hash64("beyonc\u00e9")).isNotEqualTo(Fnv1a.hash64("beyonce"));
  }
}
