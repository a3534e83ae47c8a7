package org.selflearn.rewriter.offline.privacy;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * The Laplace mechanism on integer counts (Dwork, McSherry, Nissim and Smith, TCC 2006), with discrete Laplace noise
 * ({@link DiscreteLaplace}) so that the output is an integer and the sampling exact: each count gets independent noise
 * of scale {@code L1 sensitivity / ε}. Which keys are counted must itself be public or already released (by
 * {@link PartitionSelection}); the sensitivity must come from {@link ContributionBounder}. A noisy count can be
 * negative: clamping it at zero, or any other use of it, is post-processing and costs nothing more.
 */
public final class NoisyCounts {
  private final Sensitivity sensitivity;
  private final DiscreteLaplace noise;
  private final NoiseSampler sampler;

  /**
   * @param epsilon the ε these counts spend together, at least 1e-6
   * @param sensitivity what one customer can change in the counted statistic, after bounding
   * @param sampler the noise source
   */
  public NoisyCounts(double epsilon, Sensitivity sensitivity, NoiseSampler sampler) {
    this.sensitivity = Objects.requireNonNull(sensitivity, "sensitivity");
    this.sampler = Objects.requireNonNull(sampler, "sampler");
    this.noise = DiscreteLaplace.forEpsilon(sensitivity.l1(), epsilon);
  }

  public DiscreteLaplace noise() {
    return noise;
  }

  /** The ε actually spent (ε rounded down to the noise's grid). */
  public double epsilon() {
    return noise.epsilonFor(sensitivity.l1());
  }

  /** One noisy count. */
  public long release(long count) {
    return count + sampler.discreteLaplace(noise);
  }

  /** Noisy counts of every key given, a fresh draw per key, keys in order. */
  public <K extends Comparable<? super K>> SortedMap<K, Long> release(Map<K, Long> counts) {
    return release(counts, k -> sampler.discreteLaplace(noise));
  }

  /** {@link #release(Map)} with the noise of each key given (tests couple two runs with it). */
  <K extends Comparable<? super K>> SortedMap<K, Long> release(Map<K, Long> counts, ToLongFunction<K> noiseOf) {
    SortedMap<K, Long> out = new TreeMap<>();
    new TreeMap<>(counts).forEach((k, c) -> out.put(k, c + noiseOf.applyAsLong(k)));
    return out;
  }
}
