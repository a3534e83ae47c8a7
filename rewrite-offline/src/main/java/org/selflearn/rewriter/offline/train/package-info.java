/**
 * Building a model: {@link org.selflearn.rewriter.offline.train.TrainJob#train} mines a log file in one pass
 * ({@link org.selflearn.rewriter.offline.train.SessionCollector}: a {@link
 * org.selflearn.rewriter.offline.train.CustomerMemory} per customer, the {@link
 * org.selflearn.rewriter.offline.train.ModelFacts}, an {@link org.selflearn.rewriter.offline.train.ExampleSample} of
 * ranker examples — the classes the streaming job keeps too), and {@link
 * org.selflearn.rewriter.offline.train.TrainJob#build} turns {@link org.selflearn.rewriter.offline.train.MinedInputs},
 * from a file or from the stream, into a model directory: solve and publish, the global index and personal memories
 * ({@link org.selflearn.rewriter.offline.train.IndexBuilder}), the ranker ({@link
 * org.selflearn.rewriter.offline.train.RankerBuilder}, through rewrite-online's training seam), the calibration.
 */
package org.selflearn.rewriter.offline.train;
