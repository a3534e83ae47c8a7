package org.selflearn.rewriter.online;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.selflearn.rewriter.common.codec.Jackson;

/**
 * Which layers of a model serve, and the trigger thresholds of the ranked ones, as {@code ./rewrite train} chose them
 * by replaying the latest part of its own logs ({@code MODEL_DIR/calibration.json}). A layer the configuration turns
 * off stays off; calibration can only switch layers off or raise a threshold relative to serving everything.
 *
 * @param ownHistory a customer's own chains may rewrite their request (source PERSONAL)
 * @param precomputed the precomputed table serves (source PRECOMPUTED)
 * @param rankedPersonal ranked candidates from the customer's own memory serve (source PERSONAL)
 * @param personalThreshold the ranker score they need
 * @param rankedGlobal ranked candidates from the global index serve (source GLOBAL)
 * @param globalThreshold the ranker score they need
 */
public record LayerCalibration(boolean ownHistory, boolean precomputed, boolean rankedPersonal,
    double personalThreshold, boolean rankedGlobal, double globalThreshold) {
  /**
   * The threshold of a ranked layer that serves every candidate its retrieval gates admit: chosen when the layer was
   * decided on both ranked layers' pooled held-out evidence, too thin to place a threshold (ADR 9). Never raised to the
   * ranker's own threshold, unlike a threshold chosen on the layer's own evidence.
   */
  public static final double GATES_ONLY = 0;

  /** The file name inside a model directory. */
  public static final String FILE = "calibration.json";

  /** Every layer on, ranked layers at one threshold: what a model without a calibration file serves. */
  public static LayerCalibration allOn(double threshold) {
    return new LayerCalibration(true, true, true, threshold, true, threshold);
  }

  /** Whether any ranked layer serves (otherwise retrieval is skipped). */
  public boolean anyRanked() {
    return rankedPersonal || rankedGlobal;
  }

  /** The choices as JSON fields (the calibration report adds its evidence beside them). */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ownHistory", ownHistory);
    m.put("precomputed", precomputed);
    m.put("rankedPersonal", rankedPersonal);
    m.put("personalThreshold", personalThreshold);
    m.put("rankedGlobal", rankedGlobal);
    m.put("globalThreshold", globalThreshold);
    return m;
  }

  /**
   * Reads the choices from {@code dir/calibration.json} (key {@code serve}), or every layer on at
   * {@code defaultThreshold} when the model has no calibration file.
   */
  public static LayerCalibration load(Path dir, double defaultThreshold) {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return allOn(defaultThreshold);
    }
    try {
      JsonNode serve = Jackson.readTree(file).path("serve");
      if (!serve.isObject()) {
        throw new IllegalArgumentException(file + ": missing object \"serve\"");
      }
      return new LayerCalibration(bool(serve, "ownHistory", file), bool(serve, "precomputed", file),
          bool(serve, "rankedPersonal", file), number(serve, "personalThreshold", file),
          bool(serve, "rankedGlobal", file), number(serve, "globalThreshold", file));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static boolean bool(JsonNode n, String key, Path file) {
    if (!n.path(key).isBoolean()) {
      throw new IllegalArgumentException(file + ": serve." + key + " must be true or false");
    }
    return n.get(key).asBoolean();
  }

  private static double number(JsonNode n, String key, Path file) {
    if (!n.path(key).isNumber()) {
      throw new IllegalArgumentException(file + ": serve." + key + " must be a number");
    }
    return n.get(key).asDouble();
  }
}
