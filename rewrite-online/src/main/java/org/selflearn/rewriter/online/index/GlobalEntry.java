package org.selflearn.rewriter.online.index;

import org.selflearn.rewriter.common.stats.SuccessRate;

/**
 * A request of the global index.
 *
 * @param text normalised request
 * @param turns times it was said
 * @param successes times it succeeded
 * @param successCustomers distinct customers it succeeded for (saturating at 64)
 * @param domainIntent most common {@code domain|intent} when it succeeded, or empty
 * @param servable whether it may be offered as a rewrite (passes the privacy gate and usually succeeds)
 * @param vector its embedding (empty without an embedder)
 */
public record GlobalEntry(String text, long turns, long successes, int successCustomers, String domainIntent,
    boolean servable, float[] vector) {
  /** Smoothed success rate (see {@link SuccessRate#smoothed}). */
  public double successRate() {
    return SuccessRate.smoothed(successes, turns);
  }
}
