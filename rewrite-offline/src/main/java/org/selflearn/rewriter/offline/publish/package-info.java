/**
 * Whole-model versions: {@code ./rewrite publish} and {@code ./rewrite rollback}. A versioned model directory holds
 * complete models under {@code versions/v-NNNNNN/} and a {@code CURRENT} file naming the one that serves
 * ({@link org.selflearn.rewriter.online.ModelHome}). Publishing follows the table publisher
 * ({@link org.selflearn.rewriter.offline.solve.TablePublisher}) one level up: build the new version in a temporary
 * directory, validate it by opening it as a service would, rename it into place, and only then switch
 * {@code CURRENT} by an atomic rename — so a publish killed at any step leaves the previous version serving, and
 * readers ({@link org.selflearn.rewriter.online.QueryRewriter}'s hot reload) never see a half-written model. The
 * pattern is the one of Lucene's commit point ({@code segments_N} written last) and of Kafka's
 * {@code OffsetCheckpoint} (write a temporary file, then rename it). For now a version is trained from a log file
 * ({@link org.selflearn.rewriter.offline.train.TrainJob}); building one from the stream is future work.
 */
package org.selflearn.rewriter.offline.publish;
