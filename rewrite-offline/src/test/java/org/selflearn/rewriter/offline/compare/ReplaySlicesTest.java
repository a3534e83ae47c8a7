package org.selflearn.rewriter.offline.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.selflearn.rewriter.common.event.DeviceType;
import org.selflearn.rewriter.offline.replay.Decision;
import org.selflearn.rewriter.offline.replay.ReplayTurn;
import org.selflearn.rewriter.offline.replay.ScoreCard;

/** One model's slices: the same figures as replay's report, with intervals, and the harmed group named worst. */
class ReplaySlicesTest {
  @Test
  void aModelThatHelpsOnAverageButHarmsOneDeviceHasThatDeviceAsItsWorstSlice() throws Exception {
    SyntheticReplays w = new SyntheticReplays(21, 300, 20, 0.3, new SyntheticReplays.Model(0.5, 0.0),
        new SyntheticReplays.Model(0.5, 0.0));
    List<Decision> harmed = new ArrayList<>(w.baseline);
    for (int i = 0; i < w.turns.size(); i++) {
      ReplayTurn t = w.turns.get(i);
      if (t.event().deviceType() == DeviceType.AUTO && !t.defect() && i % 2 == 0) {
        harmed.set(i, new Decision(t.event().eventId(), SyntheticReplays.WRONG, "GLOBAL", 0.9, 0));
      }
    }
    Map<String, Object> r = ReplaySlices.of(w.turns, harmed, new Bootstrap(200, 9));
    Map<?, ?> worst = (Map<?, ?>) r.get("worstSlice");
    assertThat(worst.get("slice")).isEqualTo("device=AUTO");
    assertThat(((Number) ((Map<?, ?>) worst.get("defectReduction")).get("high")).doubleValue()).isNegative();
    Map<?, ?> overall = (Map<?, ?>) r.get("overall");
    assertThat(((Number) ((Map<?, ?>) overall.get("defectReduction")).get("low")).doubleValue()).isPositive();
    Map<String, Object> plain = new ScoreCard(w.turns, harmed).toReport();
    assertThat(overall.get("wins")).isEqualTo(plain.get("wins"));
    assertThat(overall.get("losses")).isEqualTo(plain.get("losses"));
    assertThat(((Map<?, ?>) overall.get("defectReduction")).get("estimate")).isEqualTo(plain.get("defectReduction"));
    String html = ReplaySlices.htmlSection(r);
    org.w3c.dom.Document doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(
        new java.io.ByteArrayInputStream(("<div>" + html + "</div>").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(doc.getElementsByTagName("circle").getLength()).as("one dot per slice, and one for all")
        .isEqualTo(1 + countSlices(r));
    assertThat(html).contains("Worst slice: device=AUTO");
  }

  private static int countSlices(Map<String, Object> r) {
    int n = 0;
    for (Object values : ((Map<?, ?>) r.get("slices")).values()) {
      n += ((Map<?, ?>) values).size();
    }
    return n;
  }
}
