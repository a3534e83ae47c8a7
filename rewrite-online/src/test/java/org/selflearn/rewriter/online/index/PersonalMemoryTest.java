package org.selflearn.rewriter.online.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalMemoryTest {
  @TempDir
  Path dir;

  static PersonalProfile profile() {
    return new PersonalProfile(List.of(new PersonalEntry("whats the weather in wilkerson california", 7, 1000L, 0,
        "Weather|GetWeather", PersonalEntry.quantize(new float[] {0.6f, 0.8f}))),
        List.of(new PersonalPair("whats the weather in wilkerson", "whats the weather in wilkerson california", 3)));
  }

  @Test
  void storesReadsAndForgetsACustomerKeyedByAHash() {
    try (PersonalMemory m = PersonalMemory.create(dir)) {
      m.put("c-8f2a", profile());
      assertThat(m.get("c-8f2a")).usingRecursiveComparison().isEqualTo(profile());
      assertThat(m.get("c-other")).isSameAs(PersonalProfile.EMPTY);
      assertThat(m.forget("c-8f2a")).isTrue();
      assertThat(m.get("c-8f2a")).isSameAs(PersonalProfile.EMPTY);
      assertThat(m.forget("c-8f2a")).isFalse();
    }
    assertThat(PersonalMemory.key("c-8f2a")).hasSize(32).isNotEqualTo("c-8f2a".getBytes());
  }

  @Test
  void ownRephrasesCountAndTheFormatIsVersioned() {
    PersonalProfile p = profile();
    assertThat(p.pairCount("whats the weather in wilkerson", "whats the weather in wilkerson california")).isEqualTo(3);
    assertThat(p.rephrasesOften("whats the weather in wilkerson", 0)).isTrue();
    assertThat(p.rephrasesOften("whats the weather in wilkerson", 2)).isFalse();
    assertThat(p.entries().get(0).cosine(new float[] {0.6f, 0.8f})).isGreaterThan(0.99f);
    byte[] bytes = p.toBytes();
    bytes[0] = 9;
    assertThatThrownBy(() -> PersonalProfile.fromBytes(bytes)).hasMessageContaining("version 9");
  }
}
