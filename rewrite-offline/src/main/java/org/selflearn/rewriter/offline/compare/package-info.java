/**
 * Offline decisions between two models: both replayed over the same logged turns in time order, scored per turn
 * (log-format.md, with {@code truth} when the logs have it, else by the customers' own corrections), then summed
 * into small per-customer tallies. Confidence intervals come from a percentile bootstrap that resamples
 * <em>customers</em> with replacement (a customer's turns are not independent), seeded, re-summing the tallies and
 * never replaying again (Efron and Tibshirani, "An Introduction to the Bootstrap", 1993, ch. 13; the cluster bootstrap
 * of Field and Welsh, "Bootstrapping clustered data", JRSS B 69, 2007). The same figures are given per slice (device,
 * NLU domain, recogniser confidence, new or established customer, hour of day), with the worst slice named, beside
 * the rewrites the candidate gained and lost and the daily defect rate of both models.
 */
package org.selflearn.rewriter.offline.compare;
