package org.selflearn.rewriter.offline.privacy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The discrete Laplace (two-sided geometric) distribution with the rational scale {@code t/s}:
 * {@code P(Y = y) = (1 - p) / (1 + p) · p^|y|} on the integers, with {@code p = exp(-s/t)}. Adding it to a count whose
 * L1 sensitivity is {@code Δ} gives {@code ε = Δ s / t} (Ghosh, Roughgarden and Sundararajan, "Universally
 * utility-maximizing privacy mechanisms", STOC 2009). The scale is kept as two integers so that
 * {@link NoiseSampler#discreteLaplace} samples it exactly; the double-valued methods here describe the distribution
 * (thresholds, tests) and never touch a sample.
 *
 * @param t numerator of the scale, at least 1
 * @param s denominator of the scale, at least 1
 */
public record DiscreteLaplace(long t, long s) {
  /** Resolution of ε when a scale is derived from it: ε is rounded down to a multiple of 1/{@value}. */
  static final long EPSILON_RESOLUTION = 1_000_000L;

  public DiscreteLaplace {
    if (t < 1 || s < 1) {
      throw new IllegalArgumentException("the scale t/s needs t >= 1 and s >= 1, got " + t + "/" + s);
    }
  }

  /**
   * The smallest scale on the grid that gives at most {@code epsilon} to a count of L1 sensitivity {@code l1}:
   * {@code t/s = l1 / ε'} with {@code ε'} = ε rounded down to a multiple of 10⁻⁶ (exactly, from the double's binary
   * value), so the guarantee is never weaker than asked.
   */
  public static DiscreteLaplace forEpsilon(long l1, double epsilon) {
    if (l1 < 1) {
      throw new IllegalArgumentException("the sensitivity must be at least 1, got " + l1);
    }
    if (!(epsilon >= 1.0 / EPSILON_RESOLUTION) || Double.isInfinite(epsilon)) {
      throw new IllegalArgumentException("epsilon must be finite and at least 1e-6, got " + epsilon);
    }
    long s = new BigDecimal(epsilon).multiply(BigDecimal.valueOf(EPSILON_RESOLUTION))
        .setScale(0, RoundingMode.FLOOR).longValueExact();
    long t = Math.multiplyExact(l1, EPSILON_RESOLUTION);
    long g = BigInteger.valueOf(t).gcd(BigInteger.valueOf(s)).longValue();
    return new DiscreteLaplace(t / g, s / g);
  }

  /** The scale {@code t/s}. */
  public double scale() {
    return (double) t / s;
  }

  /** The ε this noise gives to a count of L1 sensitivity {@code l1}: {@code l1 · s / t}. */
  public double epsilonFor(long l1) {
    return (double) l1 * s / t;
  }

  /** {@code p = exp(-s/t)}. */
  double p() {
    return Math.exp(-(double) s / t);
  }

  /** {@code P(Y = y)}. */
  public double pmf(long y) {
    double p = p();
    return -Math.expm1(-(double) s / t) / (1 + p) * Math.pow(p, Math.abs((double) y));
  }

  /** {@code P(Y >= k)}: {@code p^k / (1 + p)} for {@code k >= 1}, by symmetry otherwise. */
  public double upperTail(long k) {
    double p = p();
    if (k >= 1) {
      return Math.exp(-(double) k * s / t) / (1 + p);
    }
    return 1 - upperTail(1 - k);
  }
}
