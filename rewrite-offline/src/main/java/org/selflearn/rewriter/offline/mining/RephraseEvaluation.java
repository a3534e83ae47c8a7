package org.selflearn.rewriter.offline.mining;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.selflearn.rewriter.common.codec.EventFileReader;
import org.selflearn.rewriter.common.text.TextNormalizer;

/**
 * Measures the rephrase rule against simulated {@code truth}: within a mined session, the next turn is a true
 * rephrase of a turn when both meant the same ({@code truth.intended} equal). Precision and recall over consecutive
 * turn pairs. Truth is read here only, never by mining itself.
 */
public final class RephraseEvaluation implements Consumer<MinedSession> {
  private final Map<String, String> intended = new HashMap<>();
  private long truePositives;
  private long falsePositives;
  private long falseNegatives;
  private long pairs;

  /** Reads the truth of a log file (events without truth are left out of the measurement). */
  public RephraseEvaluation(Path logs) {
    EventFileReader.forEach(logs, e -> {
      if (e.truth() != null) {
        intended.put(e.eventId(), TextNormalizer.normalize(e.truth().intended()));
      }
    }, r -> { });
  }

  @Override
  public void accept(MinedSession s) {
    List<Turn> t = s.turns();
    for (int i = 0; i + 1 < t.size(); i++) {
      String a = intended.get(t.get(i).eventId());
      String b = intended.get(t.get(i + 1).eventId());
      if (a == null || b == null) {
        continue;
      }
      pairs++;
      boolean truth = a.equals(b);
      boolean detected = s.rephrasedByNext()[i];
      if (detected && truth) {
        truePositives++;
      } else if (detected) {
        falsePositives++;
      } else if (truth) {
        falseNegatives++;
      }
    }
  }

  /** Pairs, precision, recall. */
  public Map<String, Object> result() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("consecutivePairs", pairs);
    m.put("trueRephrases", truePositives + falseNegatives);
    m.put("detected", truePositives + falsePositives);
    m.put("precision", round((double) truePositives / Math.max(1, truePositives + falsePositives)));
    m.put("recall", round((double) truePositives / Math.max(1, truePositives + falseNegatives)));
    return m;
  }

  private static double round(double d) {
    return Math.round(d * 10_000) / 10_000.0;
  }
}
