package org.selflearn.rewriter.offline.privacy;

import java.math.BigInteger;

/**
 * The discrete Gaussian on the integers with the rational variance parameter {@code σ² = num/den}:
 * {@code P(Y = y) ∝ exp(-y² / (2σ²))} (Canonne, Kamath and Steinke, NeurIPS 2020). Adding it to counts whose L2
 * sensitivity is {@code Δ} gives {@code Δ²/(2σ²)}-zero-concentrated DP (their Theorem 4), which suits releases where
 * one customer touches many keys a little (L2 grows as the square root of the keys, L1 linearly). Sampled exactly by
 * {@link NoiseSampler#discreteGaussian}, which reads the constants computed once here. Immutable.
 */
public final class DiscreteGaussian {
  private final BigInteger num;
  private final BigInteger den;
  /** Scale of the discrete Laplace proposal: {@code floor(σ) + 1}. */
  final long t;
  final DiscreteLaplace proposal;
  /** Denominator of the acceptance exponent: {@code 2 · num · den · t²}. */
  final BigInteger gammaDen;
  /** Whether {@link #gammaDen} (and so num, den and t) fit in a long. */
  final boolean small;

  /**
   * @param num numerator of σ², at least 1
   * @param den denominator of σ², at least 1
   */
  public DiscreteGaussian(BigInteger num, BigInteger den) {
    if (num.signum() <= 0 || den.signum() <= 0) {
      throw new IllegalArgumentException("σ² = " + num + "/" + den + " must be positive");
    }
    this.num = num;
    this.den = den;
    // floor(sqrt(num/den)) = floor(sqrt(floor(num/den))): m² <= x iff m² <= floor(x) for an integer m
    this.t = num.divide(den).sqrt().longValueExact() + 1;
    this.proposal = new DiscreteLaplace(t, 1);
    BigInteger bt = BigInteger.valueOf(t);
    this.gammaDen = BigInteger.TWO.multiply(num).multiply(den).multiply(bt).multiply(bt);
    this.small = gammaDen.bitLength() < 63;
  }

  /** σ² = num/den. */
  public static DiscreteGaussian ofVariance(long num, long den) {
    return new DiscreteGaussian(BigInteger.valueOf(num), BigInteger.valueOf(den));
  }

  public BigInteger sigmaSquaredNum() {
    return num;
  }

  public BigInteger sigmaSquaredDen() {
    return den;
  }

  /** σ² as a double (descriptive only). */
  public double sigmaSquared() {
    return num.doubleValue() / den.doubleValue();
  }

  /** {@code P(Y = y)}, normalised by summing the mass over |y| up to 40σ + 40 (descriptive only). */
  public double pmf(long y) {
    double s2 = sigmaSquared();
    long reach = (long) (40 * Math.sqrt(s2)) + 40;
    double z = 1;
    for (long k = 1; k <= reach; k++) {
      z += 2 * Math.exp(-(double) k * k / (2 * s2));
    }
    return Math.exp(-(double) y * y / (2 * s2)) / z;
  }
}
