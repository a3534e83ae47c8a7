package org.selflearn.rewriter.offline.privacy;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * Differentially private partition selection by Laplace thresholding: a key is released only when its bounded count
 * plus discrete Laplace noise reaches a threshold, never because its raw count reached some k (Korolova, Kenthapadi,
 * Mishra and Ntoulas, "Releasing search queries and clicks privately", WWW 2009; in this form Wilson et al.,
 * "Differentially Private SQL with Bounded User Contribution", PoPETs 2020, and Desfontaines, Voss, Gipson and
 * Mandayam, "Differentially private partition selection", PoPETs 2022, Section 3).
 *
 * <p>The rule. One customer reaches at most {@code Δ0 = maxKeys} keys and adds at most {@code Δ∞ = maxPerKey} to each
 * ({@link Sensitivity}, enforced by {@link ContributionBounder}). The noise is discrete Laplace with scale
 * {@code b = Δ0·Δ∞/ε}, which makes the vector of noisy counts of the keys both neighbours share ε-DP. A key only the
 * added customer has has a count of at most {@code Δ∞} and is released with probability {@code P(Y ≥ τ − Δ∞) =
 * p^(τ−Δ∞)/(1+p)}, {@code p = exp(−1/b)}; over at most {@code Δ0} such keys that is at most {@code δ}. The threshold
 * {@code τ} is the smallest integer with {@code Δ0 · p^(τ−Δ∞)/(1+p) ≤ δ}, i.e. about
 * {@code Δ∞ + b·ln(Δ0/(2δ))}. The released noisy counts are part of the same (ε, δ) output and may be published
 * as they are. (Desfontaines et al. give the optimal mechanism for Δ0 = 1; Laplace thresholding is within a few
 * customers of it and is simple to state and to audit.)
 */
public final class PartitionSelection {
  private final Sensitivity sensitivity;
  private final double delta;
  private final DiscreteLaplace noise;
  private final long threshold;
  private final NoiseSampler sampler;

  /**
   * @param epsilon the ε of the selection, at least 1e-6
   * @param delta the δ of the selection, in (0, 1)
   * @param sensitivity what one customer can change, after bounding
   * @param sampler the noise source
   */
  public PartitionSelection(double epsilon, double delta, Sensitivity sensitivity, NoiseSampler sampler) {
    if (!(delta > 0 && delta < 1)) {
      throw new IllegalArgumentException("delta must be in (0, 1) for partition selection, got " + delta);
    }
    this.sensitivity = Objects.requireNonNull(sensitivity, "sensitivity");
    this.sampler = Objects.requireNonNull(sampler, "sampler");
    this.delta = delta;
    this.noise = DiscreteLaplace.forEpsilon(sensitivity.l1(), epsilon);
    this.threshold = threshold(noise, delta, sensitivity);
  }

  /** The smallest τ with {@code maxKeys · P(Y ≥ τ − maxPerKey) ≤ δ}, Y the given discrete Laplace. */
  static long threshold(DiscreteLaplace noise, double delta, Sensitivity sensitivity) {
    double p = noise.p();
    double m = sensitivity.maxKeys();
    long x = Math.max(1, (long) Math.ceil(noise.scale() * Math.log(m / (delta * (1 + p)))));
    while (m * noise.upperTail(x) > delta) {
      x++; // rounding of the closed form: the tail is the rule, the formula only the starting point
    }
    while (x > 1 && m * noise.upperTail(x - 1) <= delta) {
      x--;
    }
    return Math.addExact(sensitivity.maxPerKey(), x);
  }

  /** The release threshold τ on the noisy count. */
  public long threshold() {
    return threshold;
  }

  /** The noise added to each count. */
  public DiscreteLaplace noise() {
    return noise;
  }

  /** The ε actually spent (ε rounded down to the noise's grid). */
  public double epsilon() {
    return noise.epsilonFor(sensitivity.l1());
  }

  public double delta() {
    return delta;
  }

  /**
   * The released keys with their noisy counts, a fresh noise draw per key, keys in order. Counts must be the bounded
   * ones and non-negative; a key absent from {@code counts} is never released.
   */
  public <K extends Comparable<? super K>> SortedMap<K, Long> select(Map<K, Long> counts) {
    return select(counts, k -> sampler.discreteLaplace(noise));
  }

  /** {@link #select(Map)} with the noise of each key given (tests couple two runs with it). */
  <K extends Comparable<? super K>> SortedMap<K, Long> select(Map<K, Long> counts, ToLongFunction<K> noiseOf) {
    SortedMap<K, Long> out = new TreeMap<>();
    for (Map.Entry<K, Long> e : new TreeMap<>(counts).entrySet()) {
      long count = e.getValue();
      if (count < 0) {
        throw new IllegalArgumentException("negative count " + count + " for key " + e.getKey());
      }
      long noisy = count + noiseOf.applyAsLong(e.getKey());
      if (noisy >= threshold) {
        out.put(e.getKey(), noisy);
      }
    }
    return out;
  }
}
