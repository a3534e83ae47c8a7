/**
 * Small statistics shared by mining, training, serving and replay, so that every module computes the same figure the
 * same way: {@link org.selflearn.rewriter.common.stats.SuccessRate} (the smoothed success rate of a request and the
 * "usually succeeds" line drawn on it) and {@link org.selflearn.rewriter.common.stats.Percentile} (nearest-rank
 * percentiles of latency samples).
 */
package org.selflearn.rewriter.common.stats;
