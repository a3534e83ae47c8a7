package org.selflearn.rewriter.offline.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PartitionSelectionTest {
  private static NoiseSampler seeded(long seed) {
    return new NoiseSampler(new SplittableRandom(seed));
  }

  /** {@code n} keys, each with the given count: one trial per key (each key draws its own noise). */
  private static Map<Integer, Long> keys(int n, long count) {
    Map<Integer, Long> m = new HashMap<>();
    for (int i = 0; i < n; i++) {
      m.put(i, count);
    }
    return m;
  }

  @Test
  void neverReleasesAKeySeenByASingleCustomerAtEpsilonOne() {
    // ε = 1: a single customer's key is released with probability at most δ/M per trial, so the expected number of
    // releases in 100,000 trials is at most 0.01 (M = 10, δ = 1e-6) or 0.001 (M = 1, δ = 1e-8)
    Object[][] cases = {{new Sensitivity(10, 1), 1e-6}, {new Sensitivity(10, 3), 1e-6}, {new Sensitivity(1, 1), 1e-8}};
    for (Object[] c : cases) {
      Sensitivity s = (Sensitivity) c[0];
      PartitionSelection selection = new PartitionSelection(1.0, (double) c[1], s, seeded(21));
      assertThat(selection.select(keys(100_000, s.maxPerKey()))).as("released, %s, threshold %d", s,
          selection.threshold()).isEmpty();
    }
  }

  @Test
  void releasesASingleCustomersKeyWithExactlyTheTailProbability() {
    // at a large δ the rare event is frequent enough to measure: the rate must be the discrete Laplace tail
    Sensitivity s = new Sensitivity(2, 1);
    PartitionSelection selection = new PartitionSelection(1.0, 0.05, s, seeded(22));
    double p = selection.noise().upperTail(selection.threshold() - 1);
    assertThat(2 * p).isLessThanOrEqualTo(0.05);
    int n = 200_000;
    int released = selection.select(keys(n, 1)).size();
    double sd = Math.sqrt(n * p * (1 - p));
    assertThat(Math.abs(released - n * p)).as("%d released, expected %.1f", released, n * p)
        .isLessThanOrEqualTo(4.5 * sd);
  }

  @Test
  void thresholdIsTheSmallestThatBoundsTheTail() {
    for (double eps : new double[] {0.25, 0.5, 1, 2, 4}) {
      for (double delta : new double[] {1e-9, 1e-6, 1e-3}) {
        for (Sensitivity s : new Sensitivity[] {new Sensitivity(1, 1), new Sensitivity(10, 1),
            new Sensitivity(5, 3)}) {
          PartitionSelection sel = new PartitionSelection(eps, delta, s, seeded(0));
          long x = sel.threshold() - s.maxPerKey();
          DiscreteLaplace y = sel.noise();
          assertThat(s.maxKeys() * y.upperTail(x)).isLessThanOrEqualTo(delta);
          if (x > 1) {
            assertThat(s.maxKeys() * y.upperTail(x - 1)).isGreaterThan(delta);
          }
          // the closed form of the rule, about Δ∞ + b·ln(Δ0/(2δ)) with b = Δ0·Δ∞/ε
          double b = (double) s.l1() / eps;
          assertThat((double) sel.threshold()).isCloseTo(s.maxPerKey() + b * Math.log(s.maxKeys() / (2 * delta)),
              org.assertj.core.data.Offset.offset(2.0));
          assertThat(sel.epsilon()).isLessThanOrEqualTo(eps);
        }
      }
    }
  }

  @Test
  void releasesAKeyMostCustomersSawWithItsNoisyCount() {
    PartitionSelection selection = new PartitionSelection(1.0, 1e-6, new Sensitivity(10, 1), seeded(23));
    long popular = selection.threshold() + (long) (20 * selection.noise().scale());
    Map<Integer, Long> released = selection.select(keys(1_000, popular));
    assertThat(released).hasSize(1_000);
    assertThat(released.values().stream().mapToLong(Long::longValue).average().orElseThrow())
        .isCloseTo(popular, org.assertj.core.data.Offset.offset(3 * selection.noise().scale()));
  }

  @Test
  void rejectsBadParameters() {
    Sensitivity s = new Sensitivity(1, 1);
    assertThatThrownBy(() -> new PartitionSelection(1, 0, s, seeded(0))).hasMessageContaining("delta");
    assertThatThrownBy(() -> new PartitionSelection(0, 1e-6, s, seeded(0))).hasMessageContaining("epsilon");
    assertThatThrownBy(() -> new Sensitivity(0, 1)).hasMessageContaining("maxKeys");
    assertThatThrownBy(() -> seededSelection().select(Map.of("k", -1L))).hasMessageContaining("negative count");
  }

  private static PartitionSelection seededSelection() {
    return new PartitionSelection(1, 1e-6, new Sensitivity(1, 1), seeded(0));
  }
}
