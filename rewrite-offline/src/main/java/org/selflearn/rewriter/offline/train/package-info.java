/**
 * {@code ./rewrite train}: one pass of file-mode mining that also collects personal memories and self-supervised
 * ranker examples ({@link org.selflearn.rewriter.offline.train.SessionCollector}), then solve and publish, the global
 * index and personal memories ({@link org.selflearn.rewriter.offline.train.IndexBuilder}), and the ranker
 * ({@link org.selflearn.rewriter.offline.train.RankerBuilder}, through rewrite-online's training seam), all into one
 * model directory.
 */
package org.selflearn.rewriter.offline.train;
