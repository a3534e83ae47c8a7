package org.selflearn.rewriter.online.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RankerTest {
  @TempDir
  Path dir;

  /** Groups where the right candidate is the most similar one; requests that needed no rewrite have none. */
  static List<TrainingGroup> synthetic(long seed, int n) {
    SplittableRandom rng = new SplittableRandom(seed);
    int f = FeatureExtractor.NAMES.size();
    List<TrainingGroup> out = new ArrayList<>();
    for (int g = 0; g < n; g++) {
      boolean needsRewrite = rng.nextDouble() < 0.6;
      int k = 3 + rng.nextInt(5);
      double[][] x = new double[k][f];
      boolean[] y = new boolean[k];
      for (int i = 0; i < k; i++) {
        boolean right = needsRewrite && i == 0;
        for (int j = 0; j < f; j++) {
          x[i][j] = rng.nextDouble() * 0.5 + (right && j < 5 ? 0.5 : 0);
        }
        x[i][12] = needsRewrite ? 0.1 : 0.9; // the request's own success rate
        y[i] = right;
      }
      out.add(new TrainingGroup(x, y, g % 4 == 0, "q" + g, new String[k]));
    }
    return out;
  }

  @Test
  void learnsToPreferTheRightCandidateAndChoosesAThresholdThatHoldsOnGroupsItNeverSaw() {
    LogisticRanker r = new RankerTrainer(0.9, 1).train(synthetic(1, 2000));
    long[] fresh = triggeredWinsAndLosses(r, synthetic(99, 2000)); // {needed a rewrite, wins, losses}
    assertThat(fresh[1]).as("wins").isGreaterThan(fresh[0] / 2);
    assertThat((double) fresh[1] / (fresh[1] + fresh[2])).as("precision above the threshold").isGreaterThan(0.85);
    Map<String, Object> report = r.trainingReport();
    long wins = ((Number) report.get("heldOutWins")).longValue();
    long losses = ((Number) report.get("heldOutLosses")).longValue();
    assertThat((double) wins / (wins + losses)).isGreaterThanOrEqualTo(0.9);
  }

  /** Replays groups through the ranker as serving does: the best candidate is offered when it clears the threshold. */
  private static long[] triggeredWinsAndLosses(LogisticRanker r, List<TrainingGroup> groups) {
    long[] out = new long[3];
    for (TrainingGroup g : groups) {
      out[0] += g.hasPositive() ? 1 : 0;
      int best = 0;
      for (int i = 1; i < g.features().length; i++) {
        best = r.score(g.features()[i]) > r.score(g.features()[best]) ? i : best;
      }
      if (r.score(g.features()[best]) >= r.threshold()) {
        out[g.labels()[best] ? 1 : 2]++;
      }
    }
    return out;
  }

  @Test
  void aMonotoneFeatureNeverLowersTheScoreEvenWhenTrainingDataPointsTheOtherWay() {
    int popularity = FeatureExtractor.NAMES.indexOf("globalPopularity");
    assertThat(FeatureExtractor.MONOTONE).contains("globalPopularity");
    List<TrainingGroup> groups = synthetic(6, 1500);
    for (TrainingGroup g : groups) {
      for (int i = 0; i < g.features().length; i++) {
        g.features()[i][popularity] = g.labels()[i] ? 0.1 : 0.9; // in these logs, popular candidates are wrong
      }
    }
    LogisticRanker r = new RankerTrainer(0.9, 7).train(groups);
    for (TrainingGroup g : groups.subList(0, 200)) {
      for (double[] x : g.features()) {
        double[] morePopular = x.clone();
        morePopular[popularity] += 0.5;
        assertThat(r.score(morePopular)).isGreaterThanOrEqualTo(r.score(x));
      }
    }
  }

  @Test
  void aStricterTargetNeverLowersTheThreshold() {
    List<TrainingGroup> g = synthetic(2, 1500);
    double loose = new RankerTrainer(0.6, 3).train(g).threshold();
    double strict = new RankerTrainer(0.99, 3).train(g).threshold();
    assertThat(strict).isGreaterThanOrEqualTo(loose);
  }

  @Test
  void savesAndLoadsAndRefusesAnotherFeatureList() throws IOException {
    LogisticRanker r = new RankerTrainer(0.9, 1).train(synthetic(4, 300));
    Path f = dir.resolve("ranker.json");
    r.save(f);
    LogisticRanker back = LogisticRanker.load(f);
    double[] x = synthetic(5, 1).get(0).features()[0];
    assertThat(back.score(x)).isEqualTo(r.score(x));
    assertThat(back.threshold()).isEqualTo(r.threshold());
    Files.writeString(f, Files.readString(f).replace("\"cosine\"", "\"cosine-v2\""));
    assertThatThrownBy(() -> LogisticRanker.load(f)).hasMessageContaining("retrain");
    Files.writeString(f, "{\"formatVersion\": 7}");
    assertThatThrownBy(() -> LogisticRanker.load(f)).hasMessageContaining("format version 7");
  }

  @Test
  void extremeFeatureValuesAreClippedNotExtrapolated() {
    assertThat(LogisticRanker.standardize(100, 0, 1)).isEqualTo(LogisticRanker.CLIP);
    assertThat(LogisticRanker.standardize(-100, 0, 1)).isEqualTo(-LogisticRanker.CLIP);
    assertThat(LogisticRanker.standardize(0.5, 0, 1)).isEqualTo(0.5);
  }
}
