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
 *
 * <p>Its first step is {@link org.selflearn.rewriter.offline.train.PrivateRelease}, a no-op while
 * {@code privacy.epsilon} is 0: with differential privacy on it turns the window's bounded votes into released noisy
 * counts (partition selection, then noisy totals; {@link org.selflearn.rewriter.offline.train.VoteTally},
 * {@link org.selflearn.rewriter.offline.train.ReleasedStats}), so that everything after it reads only what was
 * released; {@link org.selflearn.rewriter.offline.train.CustomerTexts} takes quotes of single customers out of the
 * model's diagnostics. docs/privacy.md says what that guarantees and what it does not.
 */
package org.selflearn.rewriter.offline.train;
