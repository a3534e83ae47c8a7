package org.selflearn.rewriter.offline.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selflearn.rewriter.common.event.Truth;

class HtmlReportTest {
  @TempDir
  Path dir;

  @Test
  void writesOneSelfContainedFileWithEverySectionAndEscapedText() throws IOException {
    Truth t = new Truth("play <imagine> dragons", List.of());
    List<ReplayTurn> turns = List.of(ScoringTest.turn("1", "play maj and dragons", true, null, t),
        ScoringTest.turn("2", "play <imagine> dragons", false, null, t));
    List<Decision> decisions = List.of(new Decision("1", "play <imagine> dragons", "PRECOMPUTED", 0.9, 12),
        new Decision("2", "play dragons", "GLOBAL", 0.6, 800));
    Map<String, Object> report = new java.util.LinkedHashMap<>(new ScoreCard(turns, decisions).toReport());
    report.put("baselines", Map.of("noRewrite", new ScoreCard(turns, List.of(new Decision("1", null, null, null, 0),
        new Decision("2", null, null, null, 0))).toReport()));
    report.put("calibration", Map.of("heldOut", Map.of("heldOutFrom", "2026-10-24T00:00:00Z", "heldOutEvents", 42,
        "layers", Map.of("rankedGlobal", Map.of("serve", false, "confirmed", 3, "contradicted", 9, "unjudged", 30,
            "why", "judged 0.3:1 (needs 5.0) <off>")))));
    Path f = dir.resolve("r.html");
    HtmlReport.write(f, report, turns, decisions);
    String html = Files.readString(f);
    assertThat(html).contains("Layers chosen by self-calibration", "rankedGlobal", "judged 0.3:1 (needs 5.0) &lt;off&gt;");
    assertThat(html).contains("<svg", "Defect rate before and after", "Wins and losses by source",
        "Latency of one rewrite", "Top rewrites", "A sample of losses", "noRewrite", "&lt;imagine&gt;");
    assertThat(html).doesNotContain("<script", "http://", "https://");
  }

  @Test
  void theReportIsWellFormedXmlWithNoRawMaps() throws Exception {
    Truth t = new Truth("play imagine dragons", List.of());
    List<ReplayTurn> turns = List.of(ScoringTest.turn("1", "play maj & dragons", true, null, t),
        ScoringTest.turn("2", "play imagine dragons", false, null, t));
    List<Decision> decisions = List.of(new Decision("1", "play imagine dragons", "PRECOMPUTED", 0.9, 12),
        new Decision("2", "play <dragons>", "GLOBAL", 0.6, 80_000));
    Map<String, Object> report = new java.util.LinkedHashMap<>(new ScoreCard(turns, decisions).toReport());
    Path f = dir.resolve("r.html");
    HtmlReport.write(f, report, turns, decisions);
    var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    org.w3c.dom.Document doc = factory.newDocumentBuilder().parse(f.toFile()); // throws when not well-formed
    assertThat(doc.getElementsByTagName("svg").getLength()).isGreaterThanOrEqualTo(3);
    String text = doc.getDocumentElement().getTextContent();
    assertThat(text).contains("<50", "p99").doesNotContain("{p50=", "p50=");
  }
}
