package org.selflearn.rewriter.offline.privacy;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The only place in the project that samples privacy noise: exact samplers of the discrete Laplace and the discrete
 * Gaussian on the integers, as published by Canonne, Kamath and Steinke, "The Discrete Gaussian for Differential
 * Privacy" (NeurIPS 2020), Algorithms 1–3. Every step uses integer or rational arithmetic and draws of
 * {@code Bernoulli(p)} with a rational {@code p} (a uniform integer compared with the numerator), so the output
 * distribution is exactly the stated one: no floating-point value is ever computed from the noise, and nothing leaks
 * through rounding (Mironov, "On significance of the least significant bits for differential privacy", CCS 2012).
 *
 * <p>Randomness comes from {@link SecureRandom} by default. The constructor taking a {@link RandomGenerator} exists
 * for tests that need a reproducible seed; production code must use {@link #secure()}. Thread-safe exactly when its
 * generator is ({@link SecureRandom} is; a seeded {@code SplittableRandom} is not).
 */
public final class NoiseSampler {
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private final RandomGenerator random;

  /** A sampler drawing from {@code random}: tests only (seeded); see {@link #secure()}. */
  public NoiseSampler(RandomGenerator random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /** A sampler drawing from a fresh {@link SecureRandom}. */
  public static NoiseSampler secure() {
    return new NoiseSampler(new SecureRandom());
  }

  /** One draw of {@code Bernoulli(num / den)}, {@code 0 <= num <= den}, {@code den >= 1}. */
  boolean bernoulli(long num, long den) {
    return random.nextLong(den) < num;
  }

  /** One draw of {@code Bernoulli(num / den)} for rationals too large for a {@code long}. */
  boolean bernoulli(BigInteger num, BigInteger den) {
    if (den.compareTo(LONG_MAX) <= 0) {
      return bernoulli(num.longValueExact(), den.longValueExact());
    }
    return uniformBelow(den).compareTo(num) < 0;
  }

  /** A uniform integer in [0, bound), by rejection over {@code bound.bitLength()} random bits. */
  private BigInteger uniformBelow(BigInteger bound) {
    int bits = bound.bitLength();
    byte[] bytes = new byte[(bits + 7) / 8 + 1]; // leading zero byte keeps the value non-negative
    while (true) {
      for (int i = 1; i < bytes.length; i += Long.BYTES) {
        long r = random.nextLong();
        for (int j = i; j < Math.min(bytes.length, i + Long.BYTES); j++, r >>>= 8) {
          bytes[j] = (byte) r;
        }
      }
      int excess = (bytes.length - 1) * 8 - bits;
      bytes[1] &= (byte) (0xff >>> excess);
      BigInteger u = new BigInteger(bytes);
      if (u.compareTo(bound) < 0) {
        return u;
      }
    }
  }

  /**
   * One draw of {@code Bernoulli(exp(-num/den))} for {@code num >= 0}, {@code den >= 1}: Algorithm 1 of Canonne,
   * Kamath and Steinke (2020). For {@code γ = num/den <= 1}, {@code K} counts successive successes of
   * {@code Bernoulli(γ/K)}; the answer is whether {@code K} ends odd. For {@code γ > 1}, {@code floor(γ)} independent
   * {@code Bernoulli(exp(-1))} draws and one {@code Bernoulli(exp(-(γ - floor γ)))} must all succeed.
   */
  public boolean bernoulliExpMinus(long num, long den) {
    if (num < 0 || den < 1) {
      throw new IllegalArgumentException("need num >= 0 and den >= 1, got " + num + "/" + den);
    }
    for (long whole = num / den; whole > 0; whole--) {
      if (!bernoulliExpMinusAtMostOne(1, 1)) {
        return false;
      }
    }
    return bernoulliExpMinusAtMostOne(num % den, den);
  }

  private boolean bernoulliExpMinusAtMostOne(long num, long den) {
    long k = 1;
    // Bernoulli(γ/k) as the product of independent Bernoulli(γ) and Bernoulli(1/k): exact, and never overflows
    while (bernoulli(num, den) && bernoulli(1, k)) {
      k++;
    }
    return (k & 1) == 1;
  }

  /** {@link #bernoulliExpMinus(long, long)} for rationals too large for a {@code long}. */
  boolean bernoulliExpMinus(BigInteger num, BigInteger den) {
    if (num.bitLength() < 63 && den.bitLength() < 63) {
      return bernoulliExpMinus(num.longValue(), den.longValue());
    }
    BigInteger[] qr = num.divideAndRemainder(den);
    // each of these draws fails with probability 1 - 1/e, so the loop ends after ~1.6 draws whatever floor(γ) is
    for (BigInteger i = BigInteger.ZERO; i.compareTo(qr[0]) < 0; i = i.add(BigInteger.ONE)) {
      if (!bernoulliExpMinusAtMostOne(1, 1)) {
        return false;
      }
    }
    BigInteger k = BigInteger.ONE;
    while (bernoulli(qr[1], den) && bernoulli(BigInteger.ONE, k)) {
      k = k.add(BigInteger.ONE);
    }
    return k.testBit(0);
  }

  /**
   * One draw of the discrete Laplace with scale {@code t/s}: {@code P(Y = y) ∝ exp(-|y| s / t)} on the integers
   * (Algorithm 2 of Canonne, Kamath and Steinke 2020; the two-sided geometric distribution of Ghosh, Roughgarden and
   * Sundararajan 2009).
   */
  public long discreteLaplace(DiscreteLaplace noise) {
    long t = noise.t();
    long s = noise.s();
    while (true) {
      long u = random.nextLong(t);
      if (!bernoulliExpMinus(u, t)) {
        continue;
      }
      long v = 0;
      while (bernoulliExpMinusAtMostOne(1, 1)) {
        v++;
      }
      long x = Math.addExact(u, Math.multiplyExact(t, v)); // geometric: P(x) ∝ exp(-x/t)
      long y = x / s;
      boolean negative = random.nextBoolean();
      if (negative && y == 0) {
        continue; // zero would otherwise be counted twice
      }
      return negative ? -y : y;
    }
  }

  /**
   * One draw of the discrete Gaussian with variance parameter {@code σ² = num/den}: {@code P(Y = y) ∝
   * exp(-y² / (2σ²))} on the integers (Algorithm 3 of Canonne, Kamath and Steinke 2020): a discrete Laplace draw with
   * scale {@code t = floor(σ) + 1}, accepted with probability {@code exp(-(|y| - σ²/t)² / (2σ²))}.
   */
  public long discreteGaussian(DiscreteGaussian noise) {
    long t = noise.t;
    // (|y| - σ²/t)² / (2σ²) = (|y| t d - n)² / (2 n d t²), with σ² = n/d
    while (true) {
      long y = discreteLaplace(noise.proposal);
      if (noise.small) {
        try {
          long diff = Math.subtractExact(Math.multiplyExact(Math.multiplyExact(Math.abs(y), t),
              noise.sigmaSquaredDen().longValue()), noise.sigmaSquaredNum().longValue());
          if (bernoulliExpMinus(Math.multiplyExact(diff, diff), noise.gammaDen.longValue())) {
            return y;
          }
          continue;
        } catch (ArithmeticException overflow) {
          // a far tail draw: the exact rational below
        }
      }
      BigInteger diff = BigInteger.valueOf(Math.abs(y)).multiply(BigInteger.valueOf(t))
          .multiply(noise.sigmaSquaredDen()).subtract(noise.sigmaSquaredNum());
      if (bernoulliExpMinus(diff.multiply(diff), noise.gammaDen)) {
        return y;
      }
    }
  }
}
