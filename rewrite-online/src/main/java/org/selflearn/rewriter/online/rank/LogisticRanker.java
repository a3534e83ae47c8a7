package org.selflearn.rewriter.online.rank;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.selflearn.rewriter.common.codec.Jackson;

/**
 * A logistic regression over standardised features: score = σ(b + Σ wᵢ clip((fᵢ − μᵢ) / sᵢ)), and the trigger threshold.
 * Immutable and thread-safe. Stored as {@code ranker.json} (format version 1) with the feature names, so a model
 * trained for other features is refused at load time.
 */
public final class LogisticRanker {
  public static final int FORMAT_VERSION = 1;
  static final double CLIP = 3.0;

  private final double[] weights;
  private final double bias;
  private final double[] mean;
  private final double[] scale;
  private final double threshold;
  private final Map<String, Object> trainingReport;

  public LogisticRanker(double[] weights, double bias, double[] mean, double[] scale, double threshold,
      Map<String, Object> trainingReport) {
    int n = FeatureExtractor.NAMES.size();
    if (weights.length != n || mean.length != n || scale.length != n) {
      throw new IllegalArgumentException("ranker needs " + n + " weights, means and scales");
    }
    this.weights = weights.clone();
    this.bias = bias;
    this.mean = mean.clone();
    this.scale = scale.clone();
    this.threshold = threshold;
    this.trainingReport = Map.copyOf(trainingReport);
  }

  /** Probability that the candidate is the right rewrite. */
  public double score(double[] f) {
    return sigmoid(margin(f));
  }

  double margin(double[] f) {
    double z = bias;
    for (int i = 0; i < weights.length; i++) {
      z += weights[i] * standardize(f[i], mean[i], scale[i]);
    }
    return z;
  }

  /**
   * (f − μ) / s clipped to [−{@value #CLIP}, {@value #CLIP}]: a value far outside what training saw must not be
   * extrapolated linearly into an extreme score.
   */
  static double standardize(double f, double mean, double scale) {
    double z = (f - mean) / scale;
    return z > CLIP ? CLIP : z < -CLIP ? -CLIP : z;
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  /** A copy with another threshold and training report. */
  LogisticRanker with(double newThreshold, Map<String, Object> report) {
    return new LogisticRanker(weights, bias, mean, scale, newThreshold, report);
  }

  public double threshold() {
    return threshold;
  }

  /** Feature name → weight (per standard deviation), for explanations. */
  public Map<String, Double> weightsByName() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < weights.length; i++) {
      m.put(FeatureExtractor.NAMES.get(i), weights[i]);
    }
    return m;
  }

  public Map<String, Object> trainingReport() {
    return trainingReport;
  }

  public void save(Path file) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("formatVersion", FORMAT_VERSION);
    m.put("features", FeatureExtractor.NAMES);
    m.put("weights", weights);
    m.put("bias", bias);
    m.put("mean", mean);
    m.put("scale", scale);
    m.put("threshold", threshold);
    m.put("training", trainingReport);
    try {
      Jackson.PRETTY.writeValue(file.toFile(), m);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write ranker " + file + ": " + e.getMessage(), e);
    }
  }

  /** Loads {@code ranker.json}; refuses another format version or another feature list. */
  public static LogisticRanker load(Path file) {
    try {
      JsonNode n = Jackson.readTree(file);
      int v = n.path("formatVersion").asInt(-1);
      if (v != FORMAT_VERSION) {
        throw new IllegalArgumentException("ranker " + file + " has format version " + v + ", expected "
            + FORMAT_VERSION);
      }
      List<String> names = new ArrayList<>();
      n.get("features").forEach(x -> names.add(x.asText()));
      if (!names.equals(FeatureExtractor.NAMES)) {
        throw new IllegalArgumentException("ranker " + file + " was trained for features " + names
            + ", this build computes " + FeatureExtractor.NAMES + ": retrain with ./rewrite train");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> report = Jackson.convert(n.path("training"), Map.class);
      return new LogisticRanker(doubles(n.get("weights")), n.get("bias").asDouble(), doubles(n.get("mean")),
          doubles(n.get("scale")), n.get("threshold").asDouble(), report == null ? Map.of() : report);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read ranker " + file + ": " + e.getMessage(), e);
    }
  }

  private static double[] doubles(JsonNode a) {
    double[] d = new double[a.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = a.get(i).asDouble();
    }
    return d;
  }
}
