package org.selflearn.rewriter.offline.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The samplers against their exact distributions: chi-square goodness of fit over many draws, and binomial tests of
 * the Bernoulli(exp(-γ)) building block. The seeds only fix the tests' own randomness. A broken rejection step can
 * loop forever instead of returning a wrong value: the timeout turns that into a failure.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NoiseSamplerTest {
  /** Standard normal deviations of the critical value: alpha = 1e-4 per fit. */
  private static final double Z = 3.719;
  private static final int DRAWS = 200_000;

  private static NoiseSampler seeded(long seed) {
    return new NoiseSampler(new SplittableRandom(seed));
  }

  private static Map<Long, Long> histogram(LongSupplier draw, int n) {
    Map<Long, Long> h = new HashMap<>();
    for (int i = 0; i < n; i++) {
      h.merge(draw.getAsLong(), 1L, Long::sum);
    }
    return h;
  }

  @Test
  void discreteLaplaceDrawsFitTheirExactPmf() {
    NoiseSampler sampler = seeded(11);
    for (DiscreteLaplace d : new DiscreteLaplace[] {new DiscreteLaplace(3, 2), new DiscreteLaplace(7, 1),
        new DiscreteLaplace(1, 3), DiscreteLaplace.forEpsilon(10, 0.7)}) {
      Map<Long, Long> h = histogram(() -> sampler.discreteLaplace(d), DRAWS);
      ChiSquare.Result r = ChiSquare.symmetric(h, DRAWS, d::pmf);
      assertThat(r.rejected(Z)).as("scale %s/%s: chi2 %.1f, df %d, critical %.1f", d.t(), d.s(), r.statistic(),
          r.degreesOfFreedom(), r.critical(Z)).isFalse();
      assertThat(r.degreesOfFreedom()).as("bins merged so that each expects at least 5").isGreaterThan(1);
    }
  }

  @Test
  void discreteGaussianDrawsFitTheirExactPmf() {
    NoiseSampler sampler = seeded(12);
    DiscreteGaussian huge = new DiscreteGaussian(BigInteger.TEN.pow(20).multiply(BigInteger.valueOf(25)),
        BigInteger.TEN.pow(20)); // σ² = 25 with a denominator beyond long: the BigInteger path
    for (DiscreteGaussian d : new DiscreteGaussian[] {DiscreteGaussian.ofVariance(1, 2),
        DiscreteGaussian.ofVariance(2, 1), DiscreteGaussian.ofVariance(37, 3), huge}) {
      Map<Long, Long> h = histogram(() -> sampler.discreteGaussian(d), DRAWS / 2);
      ChiSquare.Result r = ChiSquare.symmetric(h, DRAWS / 2, d::pmf);
      assertThat(r.rejected(Z)).as("σ² %s: chi2 %.1f, df %d, critical %.1f", d.sigmaSquared(), r.statistic(),
          r.degreesOfFreedom(), r.critical(Z)).isFalse();
    }
  }

  @Test
  void bernoulliOfExpMinusGammaHasProbabilityExpMinusGamma() {
    NoiseSampler sampler = seeded(13);
    long[][] gammas = {{0, 1}, {3, 10}, {1, 1}, {27, 10}, {7, 3}};
    int n = 100_000;
    for (long[] g : gammas) {
      int hits = 0;
      for (int i = 0; i < n; i++) {
        hits += sampler.bernoulliExpMinus(g[0], g[1]) ? 1 : 0;
      }
      assertBinomial(hits, n, Math.exp(-(double) g[0] / g[1]), g[0] + "/" + g[1]);
    }
    BigInteger den = BigInteger.TEN.pow(20).add(BigInteger.valueOf(7));
    BigInteger num = den.multiply(BigInteger.valueOf(3)).divide(BigInteger.TWO); // γ ≈ 1.5, beyond long
    int hits = 0;
    for (int i = 0; i < n; i++) {
      hits += sampler.bernoulliExpMinus(num, den) ? 1 : 0;
    }
    assertBinomial(hits, n, Math.exp(-1.5), "big 3/2");
  }

  private static void assertBinomial(int hits, int n, double p, String what) {
    double sd = Math.sqrt(n * p * (1 - p));
    assertThat(Math.abs(hits - n * p)).as("γ = %s: %d of %d, expected %.1f", what, hits, n, n * p)
        .isLessThanOrEqualTo(4.5 * sd + 1e-9);
  }

  @Test
  void theSecureSamplerDrawsFromTheSameDistributionShape() {
    NoiseSampler sampler = NoiseSampler.secure();
    DiscreteLaplace d = new DiscreteLaplace(2, 1);
    long sum = 0;
    for (int i = 0; i < 2_000; i++) {
      sum += Math.abs(sampler.discreteLaplace(d));
    }
    // E|Y| = 2p/(1-p²) = 1.92 for scale 2; the mean of 2,000 draws is within 0.3 of it with overwhelming probability
    assertThat(sum / 2_000.0).isBetween(1.6, 2.3);
  }

  @Test
  void scaleFromEpsilonNeverSpendsMoreThanAsked() {
    for (double eps : new double[] {0.1, 0.3, 1, 1.0 / 3, 2.5, 7.77}) {
      for (long l1 : new long[] {1, 3, 30}) {
        DiscreteLaplace d = DiscreteLaplace.forEpsilon(l1, eps);
        assertThat(d.epsilonFor(l1)).isLessThanOrEqualTo(eps).isGreaterThanOrEqualTo(eps - 1.000001e-6);
      }
    }
  }
}
