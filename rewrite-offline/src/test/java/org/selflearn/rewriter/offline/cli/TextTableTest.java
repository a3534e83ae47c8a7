package org.selflearn.rewriter.offline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextTableTest {
  @Test
  void columnsAreAlignedAndNumbersGrouped() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    new TextTable("  ", "source", "wins").row("PRECOMPUTED", 2308L).row("GLOBAL", 17L)
        .print(new PrintStream(b, true, StandardCharsets.UTF_8));
    assertThat(b.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "  source        wins",
        "  PRECOMPUTED  2,308",
        "  GLOBAL          17");
  }

  @Test
  void mapsAreWrittenAsWordsNeverAsJavaMaps() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("p50", 12L);
    m.put("ratio", 63.2);
    m.put("nested", Map.of("a", 1));
    assertThat(Console.inline(m)).isEqualTo("p50 12, ratio 63.2, nested (a 1)").doesNotContain("=", "{");
  }

  @Test
  void trainPrintsShortLinesWhateverTheRankerReportHolds() {
    Map<String, Object> ranker = new LinkedHashMap<>();
    ranker.put("threshold", 0.7911699187068914);
    ranker.put("weights", Map.of("cosine", 0.1, "phonetic", 0.2));
    ranker.put("sampleOfHeldOutLosses", java.util.Collections.nCopies(40, "0.911 some long request -> another"));
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("mining", Map.of("events", 5L, "rejected", 6L, "rejectedByField", Map.of("customerId", 6L)));
    summary.put("ranker", ranker);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    TrainSummaryText.print(summary, java.nio.file.Path.of("logs.jsonl"), java.nio.file.Path.of("m/rejects.jsonl"),
        new PrintStream(b, true, StandardCharsets.UTF_8));
    String text = b.toString(StandardCharsets.UTF_8);
    assertThat(text.lines()).allSatisfy(l -> assertThat(l.length()).isLessThan(200));
    assertThat(text).contains("5 events, 6 rejected (by field: customerId 6)", "threshold 0.791")
        .doesNotContain("{", "=");
  }
}
