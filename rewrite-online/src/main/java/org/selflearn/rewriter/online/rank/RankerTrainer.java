package org.selflearn.rewriter.online.rank;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fits a {@link LogisticRanker} by stochastic gradient descent on the log loss with L2 regularisation (seeded),
 * projecting the weights of {@link FeatureExtractor#MONOTONE} features onto [0, ∞) after each step, then
 * chooses the trigger threshold on held-out groups: the cut that maximises wins − λ·losses with λ = p / (1 − p) for
 * the target precision p, so every score region above it is right at least p of the time at the margin (a wrong
 * rewrite of a request that needed none counts as a loss).
 */
public final class RankerTrainer {
  /**
   * Passes over the training rows: with the step decaying by {@link #STEP_DECAY}, the last pass moves the weights about
   * a sixth as far as the first, so further passes would change little.
   */
  private static final int EPOCHS = 25;
  /**
   * First step size: features are standardised and clipped to ±{@value LogisticRanker#CLIP} and a logistic error is at
   * most 1, so one example moves a weight by at most about 0.15 (0.05 × 3).
   */
  private static final double LEARNING_RATE = 0.05;
  /** The step of epoch e is {@code LEARNING_RATE / (1 + STEP_DECAY · e)}: later passes refine earlier ones. */
  private static final double STEP_DECAY = 0.2;
  /**
   * L2 penalty applied at every step, which keeps the weights of correlated features (the product features repeat
   * their factors) from drifting apart; the usual order for SGD on standardised features, unchanged since the first
   * ranker, because precision is guarded by the held-out threshold, not by this penalty.
   */
  private static final double L2 = 1e-3;
  /** A feature whose spread in training is below this is constant there: it keeps scale 1 instead of exploding. */
  private static final double MIN_SCALE = 1e-9;
  /** Score cut-offs of the held-out precision curve in the training report. */
  private static final double[] CURVE_CUTS = {0.3, 0.5, 0.7, 0.8, 0.9, 0.95};
  /** Held-out losses listed in the training report, highest score first: enough to read, few enough to print. */
  private static final int LOSS_SAMPLES = 25;

  private final double targetPrecision;
  private final long seed;

  public RankerTrainer(double targetPrecision, long seed) {
    if (!(targetPrecision > 0 && targetPrecision <= 1)) {
      throw new IllegalArgumentException("targetPrecision must be in (0, 1], got " + targetPrecision);
    }
    this.targetPrecision = targetPrecision;
    this.seed = seed;
  }

  public LogisticRanker train(List<TrainingGroup> groups) {
    int n = FeatureExtractor.NAMES.size();
    List<double[]> xs = new ArrayList<>();
    List<Boolean> ys = new ArrayList<>();
    for (TrainingGroup g : groups) {
      if (!g.heldOut()) {
        for (int i = 0; i < g.features().length; i++) {
          xs.add(g.features()[i]);
          ys.add(g.labels()[i]);
        }
      }
    }
    double[] mean = new double[n];
    double[] scale = new double[n];
    for (double[] x : xs) {
      for (int j = 0; j < n; j++) {
        mean[j] += x[j];
      }
    }
    for (int j = 0; j < n; j++) {
      mean[j] /= Math.max(1, xs.size());
    }
    for (double[] x : xs) {
      for (int j = 0; j < n; j++) {
        scale[j] += (x[j] - mean[j]) * (x[j] - mean[j]);
      }
    }
    for (int j = 0; j < n; j++) {
      scale[j] = Math.sqrt(scale[j] / Math.max(1, xs.size()));
      if (scale[j] < MIN_SCALE) {
        scale[j] = 1;
      }
    }
    double[] w = new double[n];
    boolean[] monotone = new boolean[n];
    for (int j = 0; j < n; j++) {
      monotone[j] = FeatureExtractor.MONOTONE.contains(FeatureExtractor.NAMES.get(j));
    }
    double b = 0;
    SplittableRandom rng = new SplittableRandom(seed);
    int[] order = new int[xs.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      for (int i = order.length - 1; i > 0; i--) {
        int k = rng.nextInt(i + 1);
        int t = order[i];
        order[i] = order[k];
        order[k] = t;
      }
      double lr = LEARNING_RATE / (1 + epoch * STEP_DECAY);
      for (int idx : order) {
        double[] x = xs.get(idx);
        double z = b;
        for (int j = 0; j < n; j++) {
          z += w[j] * LogisticRanker.standardize(x[j], mean[j], scale[j]);
        }
        double err = LogisticRanker.sigmoid(z) - (ys.get(idx) ? 1 : 0);
        for (int j = 0; j < n; j++) {
          w[j] -= lr * (err * LogisticRanker.standardize(x[j], mean[j], scale[j]) + L2 * w[j]);
          if (monotone[j] && w[j] < 0) {
            w[j] = 0;
          }
        }
        b -= lr * err;
      }
    }
    LogisticRanker fitted = new LogisticRanker(w, b, mean, scale, 1.0, Map.of());
    return chooseThreshold(fitted, groups, xs.size());
  }

  /** Precision and wins of the held-out top candidates at a few score cut-offs, for the report. */
  private static Map<String, String> curve(List<double[]> sortedOutcomes) {
    Map<String, String> m = new LinkedHashMap<>();
    for (double cut : CURVE_CUTS) {
      long w = 0;
      long l = 0;
      for (double[] o : sortedOutcomes) {
        if (o[0] >= cut) {
          if (o[1] > 0) {
            w++;
          } else {
            l++;
          }
        }
      }
      m.put(String.valueOf(cut), "wins " + w + " losses " + l);
    }
    return m;
  }

  private LogisticRanker chooseThreshold(LogisticRanker model, List<TrainingGroup> groups, int trainingRows) {
    List<double[]> outcomes = new ArrayList<>(); // {score, win ? 1 : 0}
    List<Object[]> lossSamples = new ArrayList<>(); // {score, description}
    int heldOut = 0;
    int heldOutPositive = 0;
    for (TrainingGroup g : groups) {
      if (!g.heldOut()) {
        continue;
      }
      heldOut++;
      heldOutPositive += g.hasPositive() ? 1 : 0;
      int best = -1;
      double bestScore = -1;
      for (int i = 0; i < g.features().length; i++) {
        double s = model.score(g.features()[i]);
        if (s > bestScore) {
          bestScore = s;
          best = i;
        }
      }
      if (best >= 0) {
        outcomes.add(new double[] {bestScore, g.labels()[best] ? 1 : 0});
        if (!g.labels()[best]) {
          lossSamples.add(new Object[] {bestScore, g.source() + " -> " + g.texts()[best]});
        }
      }
    }
    outcomes.sort((a, c) -> Double.compare(c[0], a[0]));
    // utility of a cut: wins − λ·losses with λ = p/(1 − p), i.e. a loss costs as much as the wins that a precision
    // of p buys; the best cut includes a score region only when its marginal precision reaches p
    double lambda = targetPrecision >= 1 ? 1e9 : targetPrecision / (1 - targetPrecision);
    double threshold = 1.0;
    long wins = 0;
    long losses = 0;
    long bestWins = 0;
    long bestLosses = 0;
    double bestUtility = 0;
    for (double[] o : outcomes) {
      if (o[1] > 0) {
        wins++;
      } else {
        losses++;
      }
      double utility = wins - lambda * losses;
      if (utility > bestUtility) {
        bestUtility = utility;
        threshold = o[0];
        bestWins = wins;
        bestLosses = losses;
      }
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("heldOutPrecisionCurve", curve(outcomes));
    lossSamples.sort((a, c) -> Double.compare((double) c[0], (double) a[0]));
    report.put("sampleOfHeldOutLosses", lossSamples.stream().limit(LOSS_SAMPLES)
        .map(l -> String.format(java.util.Locale.ROOT, "%.3f %s", (double) l[0], l[1])).toList());
    report.put("trainingRows", trainingRows);
    report.put("heldOutExamples", heldOut);
    report.put("heldOutWithTarget", heldOutPositive);
    report.put("targetPrecision", targetPrecision);
    report.put("threshold", threshold);
    report.put("heldOutWins", bestWins);
    report.put("heldOutLosses", bestLosses);
    return model.with(threshold, report);
  }
}
