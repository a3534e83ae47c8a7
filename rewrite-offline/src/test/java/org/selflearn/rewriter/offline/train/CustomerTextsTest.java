package org.selflearn.rewriter.offline.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selflearn.rewriter.offline.io.Json;
import org.selflearn.rewriter.online.LayerCalibration;
import org.selflearn.rewriter.online.ModelDirectory;

class CustomerTextsTest {
  @TempDir
  Path dir;

  @Test
  void aPrivateModelQuotesNoCustomerInItsFilesOrItsSummary() {
    ModelDirectory model = new ModelDirectory(dir);
    Json.write(model.ranker(), Map.of("weights", List.of(0.5, -1.0), "training", Map.of("heldOutLosses", 2,
        "sampleOfHeldOutLosses", List.of("0.9 my own words -> someone's personal request"))));
    Json.write(dir.resolve(LayerCalibration.FILE), Map.of("serve", Map.of("ownHistory", true), "heldOut",
        Map.of("layers", Map.of("ownHistory", Map.of("contradicted", 3, "contradictedExamples",
            List.of("a -> b (customer: c)"))))));
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("ranker", new LinkedHashMap<>(Map.of("heldOutLosses", 2, "sampleOfHeldOutLosses", List.of("x"))));
    summary.put("calibration", Map.of("heldOut", List.of(Map.of("contradictedExamples", List.of("y"), "n", 1))));

    CustomerTexts.removeFrom(model, summary);

    String ranker = Json.toString(Json.readObject(model.ranker()));
    String calibration = Json.toString(Json.readObject(dir.resolve(LayerCalibration.FILE)));
    assertThat(ranker).doesNotContain("personal request").contains("heldOutLosses").contains("weights");
    assertThat(calibration).doesNotContain("customer: c").contains("\"contradicted\"").contains("ownHistory");
    assertThat(Json.toString(summary)).doesNotContain("sampleOfHeldOutLosses").doesNotContain("contradictedExamples")
        .contains("heldOutLosses");
  }
}
