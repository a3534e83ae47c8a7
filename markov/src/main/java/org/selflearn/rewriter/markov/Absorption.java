package org.selflearn.rewriter.markov;

/**
 * Absorption probabilities of one chain: row i of B = (I − Q)⁻¹R, by local state index.
 *
 * @param success probability of ending in SUCCESS from each state
 * @param failure probability of ending in FAILURE from each state
 */
public record Absorption(double[] success, double[] failure) {}
