package org.selflearn.rewriter.common.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JacksonTest {
  private static final Map<String, Object> VALUE = Map.of("a", List.of(1, 2.5, "x"), "b", Map.of("c", true));

  @Test
  void shouldWriteExactlyWhatAnIndentingMapperWrote() throws Exception {
    String old = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(VALUE);
    assertThat(Jackson.PRETTY.writeValueAsString(VALUE)).isEqualTo(old).contains("\n");
  }

  @Test
  void shouldWriteCompactLinesAndReadThemBack() throws Exception {
    String line = Jackson.COMPACT.writeValueAsString(VALUE);
    assertThat(line).doesNotContain("\n");
    assertThat(Jackson.convert(Jackson.readTree(line), LinkedHashMap.class)).isEqualTo(VALUE);
  }
}
