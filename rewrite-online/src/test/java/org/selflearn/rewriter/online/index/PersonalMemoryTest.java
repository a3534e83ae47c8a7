package org.selflearn.rewriter.online.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
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
  void storesReadsAndForgetsACustomer() {
    try (PersonalMemory m = PersonalMemory.create(dir)) {
      m.put("c-8f2a", profile());
      assertThat(m.get("c-8f2a")).usingRecursiveComparison().isEqualTo(profile());
      assertThat(m.get("c-other")).isSameAs(PersonalProfile.EMPTY);
      assertThat(m.forget("c-8f2a")).isTrue();
      assertThat(m.get("c-8f2a")).isSameAs(PersonalProfile.EMPTY);
      assertThat(m.forget("c-8f2a")).isFalse();
    }
  }

  @Test
  void noFileOfTheStoreHoldsACustomerIdInClear() throws IOException {
    String id = "c-customer-id-in-clear-7431";
    try (PersonalMemory m = PersonalMemory.create(dir)) {
      m.put(id, profile());
    }
    try (PersonalMemory m = PersonalMemory.open(dir)) {
      assertThat(m.get(id)).usingRecursiveComparison().isEqualTo(profile()); // written, and found again by the id
    }
    byte[] clear = id.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(indexOf(Files.readAllBytes(f), clear)).as(f.getFileName().toString()).isEqualTo(-1);
      }
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
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
