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
  void learnsToPreferTheRightCandidateAndChoosesAThresholdOnHeldOutGroups() {
    LogisticRanker r = new RankerTrainer(0.9, 1).train(synthetic(1, 2000));
    assertThat(r.threshold()).isBetween(0.0, 1.0);
    Map<String, Object> report = r.trainingReport();
    long wins = ((Number) report.get("heldOutWins")).longValue();
    long losses = ((Number) report.get("heldOutLosses")).longValue();
    assertThat(wins).isGreaterThan(100);
    assertThat((double) wins / (wins + losses)).isGreaterThanOrEqualTo(0.9);
    for (String monotone : FeatureExtractor.MONOTONE) {
      assertThat(r.weightsByName().get(monotone)).as(monotone).isGreaterThanOrEqualTo(0.0);
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
