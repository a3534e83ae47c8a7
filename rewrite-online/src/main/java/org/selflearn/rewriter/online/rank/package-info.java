/**
 * Ranking of rewrite candidates. {@link org.selflearn.rewriter.online.rank.Candidate} and
 * {@link org.selflearn.rewriter.online.rank.QueryContext} feed {@link org.selflearn.rewriter.online.rank.FeatureExtractor}
 * (one place computes features, for training and for serving alike); {@link
 * org.selflearn.rewriter.online.rank.LogisticRanker} scores them with a logistic regression learned, without human
 * labels, from mined rephrase pairs by {@link org.selflearn.rewriter.online.rank.RankerTrainer}: the mined target of a
 * chain is the positive, the other retrieved candidates are negatives, and successful requests that nobody rephrased
 * teach the model when not to rewrite. The trigger threshold is chosen on held-out customers for a target precision,
 * because a wrong rewrite costs more than a missed one.
 *
 * <p>Not exported by the module: serving and the training seam ({@code online.training}) use it (docs/adr/0008).
 */
package org.selflearn.rewriter.online.rank;
