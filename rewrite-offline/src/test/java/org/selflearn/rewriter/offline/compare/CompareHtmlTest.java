package org.selflearn.rewriter.offline.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The comparison's HTML: well-formed XML, self-contained, every section, escaped requests. */
class CompareHtmlTest {
  @TempDir
  Path dir;

  @Test
  void thePageIsWellFormedXmlWithTheForestPlotTheDailyChartAndWhatChanged() throws Exception {
    SyntheticReplays w = new SyntheticReplays(3, 60, 30, 0.3, new SyntheticReplays.Model(0.3, 0.01),
        new SyntheticReplays.Model(0.5, 0.01));
    w.add("x-1", "c-<0>", org.selflearn.rewriter.common.event.DeviceType.TV,
        java.time.Instant.parse("2026-11-05T10:00:00Z"), true, null, "play <b>&amp</b>");
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("baselineModel", "a<b");
    report.put("candidateModel", "b&c");
    report.putAll(new Comparison(new Bootstrap(100, 1)).report(w.turns, w.baseline, w.candidate,
        Slices.of(w.turns)));
    Path f = dir.resolve("c.html");
    CompareHtml.write(f, report);
    String html = Files.readString(f);
    assertThat(html).doesNotContain("<script", "http://", "https://").contains("a&lt;b", "b&amp;c");
    var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    org.w3c.dom.Document doc = factory.newDocumentBuilder().parse(f.toFile()); // throws when not well-formed
    assertThat(doc.getElementsByTagName("svg").getLength()).isEqualTo(2);
    assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(3);
    String text = doc.getDocumentElement().getTextContent();
    assertThat(text).contains("Worst slice", "device=TV", "hour=", "What changed", "gained", "lost",
        "after the candidate").doesNotContain("{estimate=");
  }
}
