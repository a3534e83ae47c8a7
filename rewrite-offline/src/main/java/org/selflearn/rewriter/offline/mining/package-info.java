/**
 * The mining core, plain Java, shared by the file runner and the Kafka Streams processor so that the two modes cannot
 * drift apart: {@link org.selflearn.rewriter.offline.mining.Turn} (the compact form of an event),
 * {@link org.selflearn.rewriter.offline.mining.SessionBuffer} (per-customer sessions by inactivity gap, tolerating
 * out-of-order arrival), {@link org.selflearn.rewriter.offline.mining.RephraseDetector} (is the next turn a rephrase
 * of this one?), {@link org.selflearn.rewriter.offline.mining.SessionMiner} (labels turns defect/success, cuts
 * rephrase chains, emits {@link org.selflearn.rewriter.offline.mining.StatContribution}s) and
 * {@link org.selflearn.rewriter.offline.mining.StatsTable} (the aggregated statistics the solver reads).
 *
 * <p>The rephrase rule and the labels are documented in the README ("How mining decides"), with measured precision
 * and recall.
 */
package org.selflearn.rewriter.offline.mining;
