package org.selflearn.rewriter.offline.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.selflearn.rewriter.offline.io.Json;
import org.selflearn.rewriter.online.LayerCalibration;
import org.selflearn.rewriter.online.ModelDirectory;

/**
 * The diagnostics that quote single customers' requests — the ranker's sample of held-out losses, calibration's
 * contradicted examples, which may show a customer's personal memory — taken out of a private model's files and
 * training summary: what a private model shows of anyone's words is the released requests, nothing else. The
 * counts beside the samples stay. Used only when differential privacy is on (the files of a non-private model are
 * left as they are).
 */
final class CustomerTexts {
  /** The keys, at any depth, whose values quote customers. */
  static final Set<String> QUOTING = Set.of("sampleOfHeldOutLosses", "contradictedExamples");

  private CustomerTexts() {}

  /** Removes the quoting diagnostics from the model's ranker and calibration files and from {@code summary}. */
  static void removeFrom(ModelDirectory dir, Map<String, Object> summary) {
    for (Path file : List.of(dir.ranker(), dir.root().resolve(LayerCalibration.FILE))) {
      if (Files.isRegularFile(file)) {
        Json.write(file, without(Json.readObject(file)));
      }
    }
    summary.replaceAll((k, v) -> without(v));
  }

  /** A copy of a JSON-like value without the quoting keys (maps and lists copied, other values shared). */
  static Object without(Object node) {
    if (node instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> {
        if (!QUOTING.contains(String.valueOf(k))) {
          out.put(String.valueOf(k), without(v));
        }
      });
      return out;
    }
    if (node instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(v -> out.add(without(v)));
      return out;
    }
    return node;
  }
}
