package org.selflearn.rewriter.offline.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NoisyCountsTest {
  @Test
  void noiseScaleIsTheL1SensitivityOverEpsilon() {
    // M = 10 requests of L = 3 chains: L1 = 30, so scale 30/ε
    NoisyCounts counts = new NoisyCounts(0.5, new Sensitivity(10, 3), new NoiseSampler(new SplittableRandom(5)));
    assertThat(counts.noise().scale()).isEqualTo(60.0);
    assertThat(counts.epsilon()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void releasedCountsScatterAroundTheTrueCountsAsTheNoiseSays() {
    NoisyCounts counts = new NoisyCounts(1.0, new Sensitivity(4, 2), new NoiseSampler(new SplittableRandom(6)));
    double p = counts.noise().p();
    double expectedAbs = 2 * p / (1 - p * p); // E|Y| of the discrete Laplace
    int n = 50_000;
    double sumAbs = 0;
    for (int i = 0; i < n; i++) {
      sumAbs += Math.abs(counts.release(1_000) - 1_000);
    }
    // sd of |Y| is below its scale (8): 4.5 standard errors of the mean
    assertThat(sumAbs / n).isCloseTo(expectedAbs, within(4.5 * 8 / Math.sqrt(n)));
    SortedMap<String, Long> released = counts.release(Map.of("b", 7L, "a", 3L));
    assertThat(released.keySet()).containsExactly("a", "b");
  }
}
