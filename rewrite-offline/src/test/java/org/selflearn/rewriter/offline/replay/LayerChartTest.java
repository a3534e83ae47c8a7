package org.selflearn.rewriter.offline.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The layer-by-layer chart: a well-formed standalone SVG with one bar segment per source and one for losses. */
class LayerChartTest {
  private static Map<String, Object> row(long precomputed, long personal, long global, long losses, double red) {
    Map<String, Object> by = new LinkedHashMap<>();
    by.put("PRECOMPUTED", Map.of("wins", precomputed, "losses", 0L));
    by.put("PERSONAL", Map.of("wins", personal, "losses", losses));
    by.put("GLOBAL", Map.of("wins", global, "losses", 0L));
    return Map.of("wins", precomputed + personal + global, "losses", losses, "defectReduction", red, "bySource", by);
  }

  @Test
  void everyLayerRowIsABarOfWinsBySourceAndLosses() throws Exception {
    Map<String, Object> layers = new LinkedHashMap<>();
    layers.put("table", row(50, 0, 0, 0, 0.031));
    layers.put("plusRankedGlobal", row(50, 440, 234, 19, 0.454));
    String svg = LayerChart.svg(Map.of("layers", layers), "wins & losses");
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getDocumentElement().getAttribute("xmlns")).isEqualTo("http://www.w3.org/2000/svg");
    NodeList rects = doc.getElementsByTagName("rect");
    assertThat(rects.getLength()).as("background + 2 rows × 4 segments + 4 legend keys").isEqualTo(1 + 8 + 4);
    assertThat(svg).contains("724 wins / 19 losses, 45.4% fewer defects").contains("wins &amp; losses");
  }

  @Test
  void aReportWithoutLayerRowsHasNoChart() {
    assertThat(LayerChart.svg(Map.of("turns", 3), "t")).isEmpty();
  }
}
